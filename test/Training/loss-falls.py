# A few epochs of fixed-point training on the digits: the loss falls and the
# network learns, with every recipe.
#
# RUN: env PYTHONPATH=%fxp_src_root/python FXP_BUILD_DIR=%fxp_obj_root %python %s | FileCheck %s
# CHECK: dfp16 stochastic: loss falls {{.*}}, accuracy above 80%
# CHECK: gupta FL=12 stochastic: loss falls {{.*}}, accuracy above 80%
# CHECK: gupta FL=8 nearest_even: loss falls {{.*}}, accuracy above 80%
# CHECK: dfp16 W=16 saturating: loss falls {{.*}}, accuracy above 80%
# CHECK: dfp16 block=32: loss falls {{.*}}, accuracy above 80%

from fxp.training import load_digits_split, train

data = load_digits_split()
for name, passes in [
        ("dfp16 stochastic", '--fxp-quantize-training="recipe=dfp16"'),
        ("gupta FL=12 stochastic", '--fxp-quantize-training="recipe=gupta frac-bits=12"'),
        ("gupta FL=8 nearest_even",
         '--fxp-quantize-training="recipe=gupta frac-bits=8 rounding=nearest_even"'),
        ("dfp16 W=16 saturating",
         '--fxp-quantize-training="recipe=dfp16 width=16 accumulate=saturating"'),
        ("dfp16 block=32", '--fxp-quantize-training="recipe=dfp16 block=32"')]:
    losses, accuracy, _ = train(passes, data, epochs=3)
    falls = losses[-1] < 0.6 * losses[0]
    print(f"{name}: loss {'falls' if falls else 'does not fall'} "
          f"({losses[0]:.3f} -> {losses[-1]:.3f}), accuracy "
          f"{'above' if accuracy > 0.8 else 'below'} 80% ({accuracy:.3f})")
