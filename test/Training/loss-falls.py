# A few epochs of fixed-point training on the digits: the loss falls and the
# network learns, with every recipe.
#
# RUN: env PYTHONPATH=%fxp_src_root/python FXP_BUILD_DIR=%fxp_obj_root %python %s | FileCheck %s
# CHECK: dfp16 stochastic: loss falls {{.*}}, accuracy above 80%
# CHECK: gupta FL=12 stochastic: loss falls {{.*}}, accuracy above 80%
# CHECK: gupta FL=8 nearest_even: loss falls {{.*}}, accuracy above 80%
# CHECK: dfp16 W=16 saturating: loss falls {{.*}}, accuracy above 80%
# CHECK: dfp16 block=32: loss falls {{.*}}, accuracy above 80%
# CHECK: gupta WAGE-like: loss falls {{.*}}, accuracy above 80%

from fxp.training import MODELS, load_digits_split, train

# WAGE-like formats through argument attributes: 8-bit weights, and per layer
# 8-bit activations, 8-bit errors and 12-bit gradients.
ROLES = ('{fxp.width = 8 : i32, fxp.frac_bits = 7 : i32, '
         'fxp.activations = {width = 8 : i32, frac_bits = 4 : i32}, '
         'fxp.errors = {width = 8 : i32, frac_bits = 9 : i32}, '
         'fxp.gradients = {width = 12 : i32, frac_bits = 12 : i32}}')
wage = MODELS["mlp"].source()
for weight in ["%w1: tensor<64x128xf32>", "%w2: tensor<128x10xf32>"]:
    assert weight in wage
    wage = wage.replace(weight, f"{weight} {ROLES}")

data = load_digits_split()
for name, passes, source in [
        ("dfp16 stochastic", '--fxp-quantize-training="recipe=dfp16"', None),
        ("gupta FL=12 stochastic", '--fxp-quantize-training="recipe=gupta frac-bits=12"',
         None),
        ("gupta FL=8 nearest_even",
         '--fxp-quantize-training="recipe=gupta frac-bits=8 rounding=nearest_even"', None),
        ("dfp16 W=16 saturating",
         '--fxp-quantize-training="recipe=dfp16 width=16 accumulate=saturating"', None),
        ("dfp16 block=32", '--fxp-quantize-training="recipe=dfp16 block=32"', None),
        ("gupta WAGE-like", '--fxp-quantize-training="recipe=gupta"', wage)]:
    losses, accuracy, _ = train(passes, data, epochs=3, source=source)
    falls = losses[-1] < 0.6 * losses[0]
    print(f"{name}: loss {'falls' if falls else 'does not fall'} "
          f"({losses[0]:.3f} -> {losses[-1]:.3f}), accuracy "
          f"{'above' if accuracy > 0.8 else 'below'} 80% ({accuracy:.3f})")
