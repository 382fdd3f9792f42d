// One SGD step of a small CNN on 8x8x1 images (NHWC) with softmax
// cross-entropy, in FP32, as a frontend emits it: a 3x3 convolution with 8
// filters (linalg.conv_2d_nhwc_hwcf), ReLU, a dense layer 288 -> 10, the
// backward pass (the filter gradient is a convolution-shaped
// linalg.generic contraction) and the SGD update. The batch is dynamic.

#id2 = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d1)>
#col = affine_map<(d0, d1) -> (d0)>
#scalar2 = affine_map<(d0, d1) -> ()>
#id4 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#chan = affine_map<(d0, d1, d2, d3) -> (d3)>
#id1 = affine_map<(d0) -> (d0)>

func.func @step(%x: tensor<?x8x8x1xf32>, %y: tensor<?x10xf32>,
                %k: tensor<3x3x1x8xf32>, %bk: tensor<8xf32>,
                %w: tensor<288x10xf32>, %bw: tensor<10xf32>, %lr: f32)
    -> (tensor<3x3x1x8xf32>, tensor<8xf32>, tensor<288x10xf32>, tensor<10xf32>, tensor<f32>) {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %batch = tensor.dim %x, %c0 : tensor<?x8x8x1xf32>
  %batch_i = arith.index_cast %batch : index to i64
  %batch_f = arith.sitofp %batch_i : i64 to f32

  // Forward: a = relu(conv(x, k) + bk), logits = flatten(a) @ w + bw.
  %ec = tensor.empty(%batch) : tensor<?x6x6x8xf32>
  %fc = linalg.fill ins(%zero : f32) outs(%ec : tensor<?x6x6x8xf32>) -> tensor<?x6x6x8xf32>
  %conv = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %k : tensor<?x8x8x1xf32>, tensor<3x3x1x8xf32>) outs(%fc : tensor<?x6x6x8xf32>) -> tensor<?x6x6x8xf32>
  %a = linalg.generic {indexing_maps = [#id4, #chan, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%conv, %bk : tensor<?x6x6x8xf32>, tensor<8xf32>) outs(%ec : tensor<?x6x6x8xf32>) {
  ^bb0(%v: f32, %b: f32, %o: f32):
    %s = arith.addf %v, %b : f32
    %r = arith.maximumf %s, %zero : f32
    linalg.yield %r : f32
  } -> tensor<?x6x6x8xf32>
  %flat = tensor.collapse_shape %a [[0], [1, 2, 3]] : tensor<?x6x6x8xf32> into tensor<?x288xf32>
  %e2 = tensor.empty(%batch) : tensor<?x10xf32>
  %f2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<?x10xf32>) -> tensor<?x10xf32>
  %z = linalg.matmul ins(%flat, %w : tensor<?x288xf32>, tensor<288x10xf32>) outs(%f2 : tensor<?x10xf32>) -> tensor<?x10xf32>
  %logits = linalg.generic {indexing_maps = [#id2, #row, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%z, %bw : tensor<?x10xf32>, tensor<10xf32>) outs(%e2 : tensor<?x10xf32>) {
  ^bb0(%v: f32, %b: f32, %o: f32):
    %s = arith.addf %v, %b : f32
    linalg.yield %s : f32
  } -> tensor<?x10xf32>

  // Softmax cross-entropy: dlogits = (softmax - y) / B, loss = mean NLL.
  %eb = tensor.empty(%batch) : tensor<?xf32>
  %mi = linalg.fill ins(%ninf : f32) outs(%eb : tensor<?xf32>) -> tensor<?xf32>
  %max = linalg.reduce ins(%logits : tensor<?x10xf32>) outs(%mi : tensor<?xf32>) dimensions = [1]
    (%v: f32, %m: f32) {
      %r = arith.maximumf %v, %m : f32
      linalg.yield %r : f32
    }
  %ex = linalg.generic {indexing_maps = [#id2, #col, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%logits, %max : tensor<?x10xf32>, tensor<?xf32>) outs(%e2 : tensor<?x10xf32>) {
  ^bb0(%v: f32, %m: f32, %o: f32):
    %d = arith.subf %v, %m : f32
    %r = math.exp %d : f32
    linalg.yield %r : f32
  } -> tensor<?x10xf32>
  %si = linalg.fill ins(%zero : f32) outs(%eb : tensor<?xf32>) -> tensor<?xf32>
  %sum = linalg.reduce ins(%ex : tensor<?x10xf32>) outs(%si : tensor<?xf32>) dimensions = [1]
    (%v: f32, %s: f32) {
      %r = arith.addf %v, %s : f32
      linalg.yield %r : f32
    }
  %dlogits = linalg.generic {indexing_maps = [#id2, #col, #id2, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%ex, %sum, %y : tensor<?x10xf32>, tensor<?xf32>, tensor<?x10xf32>) outs(%e2 : tensor<?x10xf32>) {
  ^bb0(%e: f32, %s: f32, %t: f32, %o: f32):
    %p = arith.divf %e, %s : f32
    %d = arith.subf %p, %t : f32
    %r = arith.divf %d, %batch_f : f32
    linalg.yield %r : f32
  } -> tensor<?x10xf32>
  %l0 = tensor.empty() : tensor<f32>
  %li = linalg.fill ins(%zero : f32) outs(%l0 : tensor<f32>) -> tensor<f32>
  %loss_sum = linalg.generic {indexing_maps = [#id2, #col, #col, #id2, #scalar2], iterator_types = ["reduction", "reduction"]}
      ins(%logits, %max, %sum, %y : tensor<?x10xf32>, tensor<?xf32>, tensor<?xf32>, tensor<?x10xf32>) outs(%li : tensor<f32>) {
  ^bb0(%v: f32, %m: f32, %s: f32, %t: f32, %acc: f32):
    %ls = math.log %s : f32
    %lse = arith.addf %ls, %m : f32
    %nll = arith.subf %lse, %v : f32
    %wt = arith.mulf %nll, %t : f32
    %r = arith.addf %acc, %wt : f32
    linalg.yield %r : f32
  } -> tensor<f32>
  %loss = linalg.generic {indexing_maps = [affine_map<() -> ()>, affine_map<() -> ()>], iterator_types = []}
      ins(%loss_sum : tensor<f32>) outs(%l0 : tensor<f32>) {
  ^bb0(%v: f32, %o: f32):
    %r = arith.divf %v, %batch_f : f32
    linalg.yield %r : f32
  } -> tensor<f32>

  // Backward through the dense layer: dw = flat^T @ dlogits, dbw = sum_b,
  // dflat = dlogits @ w^T.
  %ew = tensor.empty() : tensor<288x10xf32>
  %fw = linalg.fill ins(%zero : f32) outs(%ew : tensor<288x10xf32>) -> tensor<288x10xf32>
  %dw = linalg.matmul
      indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (k, n)>,
                       affine_map<(m, n, k) -> (m, n)>]
      ins(%flat, %dlogits : tensor<?x288xf32>, tensor<?x10xf32>) outs(%fw : tensor<288x10xf32>) -> tensor<288x10xf32>
  %ebw = tensor.empty() : tensor<10xf32>
  %fbw = linalg.fill ins(%zero : f32) outs(%ebw : tensor<10xf32>) -> tensor<10xf32>
  %dbw = linalg.reduce ins(%dlogits : tensor<?x10xf32>) outs(%fbw : tensor<10xf32>) dimensions = [0]
    (%v: f32, %s: f32) {
      %r = arith.addf %v, %s : f32
      linalg.yield %r : f32
    }
  %eflat = tensor.empty(%batch) : tensor<?x288xf32>
  %fflat = linalg.fill ins(%zero : f32) outs(%eflat : tensor<?x288xf32>) -> tensor<?x288xf32>
  %dflat = linalg.matmul
      indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>,
                       affine_map<(m, n, k) -> (m, n)>]
      ins(%dlogits, %w : tensor<?x10xf32>, tensor<288x10xf32>) outs(%fflat : tensor<?x288xf32>) -> tensor<?x288xf32>
  %da = tensor.expand_shape %dflat [[0], [1, 2, 3]] output_shape [%batch, 6, 6, 8] : tensor<?x288xf32> into tensor<?x6x6x8xf32>

  // Backward through ReLU and the convolution: dconv = da * (a > 0), the
  // filter gradient contracts over batch and output positions, dbk = sum.
  %dconv = linalg.generic {indexing_maps = [#id4, #id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%da, %a : tensor<?x6x6x8xf32>, tensor<?x6x6x8xf32>) outs(%ec : tensor<?x6x6x8xf32>) {
  ^bb0(%g: f32, %v: f32, %o: f32):
    %pos = arith.cmpf ogt, %v, %zero : f32
    %r = arith.select %pos, %g, %zero : f32
    linalg.yield %r : f32
  } -> tensor<?x6x6x8xf32>
  %ek = tensor.empty() : tensor<3x3x1x8xf32>
  %fk = linalg.fill ins(%zero : f32) outs(%ek : tensor<3x3x1x8xf32>) -> tensor<3x3x1x8xf32>
  %dk = linalg.generic {
      indexing_maps = [affine_map<(kh, kw, c, f, n, oh, ow) -> (n, oh + kh, ow + kw, c)>,
                       affine_map<(kh, kw, c, f, n, oh, ow) -> (n, oh, ow, f)>,
                       affine_map<(kh, kw, c, f, n, oh, ow) -> (kh, kw, c, f)>],
      iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]}
      ins(%x, %dconv : tensor<?x8x8x1xf32>, tensor<?x6x6x8xf32>) outs(%fk : tensor<3x3x1x8xf32>) {
  ^bb0(%v: f32, %g: f32, %acc: f32):
    %p = arith.mulf %v, %g : f32
    %r = arith.addf %acc, %p : f32
    linalg.yield %r : f32
  } -> tensor<3x3x1x8xf32>
  %ebk = tensor.empty() : tensor<8xf32>
  %fbk = linalg.fill ins(%zero : f32) outs(%ebk : tensor<8xf32>) -> tensor<8xf32>
  %dbk = linalg.reduce ins(%dconv : tensor<?x6x6x8xf32>) outs(%fbk : tensor<8xf32>) dimensions = [0, 1, 2]
    (%v: f32, %s: f32) {
      %r = arith.addf %v, %s : f32
      linalg.yield %r : f32
    }

  // SGD.
  %nk = linalg.generic {indexing_maps = [#id4, #id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%k, %dk : tensor<3x3x1x8xf32>, tensor<3x3x1x8xf32>) outs(%ek : tensor<3x3x1x8xf32>) {
  ^bb0(%p: f32, %g: f32, %o: f32):
    %s = arith.mulf %g, %lr : f32
    %r = arith.subf %p, %s : f32
    linalg.yield %r : f32
  } -> tensor<3x3x1x8xf32>
  %nbk = linalg.generic {indexing_maps = [#id1, #id1, #id1], iterator_types = ["parallel"]}
      ins(%bk, %dbk : tensor<8xf32>, tensor<8xf32>) outs(%ebk : tensor<8xf32>) {
  ^bb0(%p: f32, %g: f32, %o: f32):
    %s = arith.mulf %g, %lr : f32
    %r = arith.subf %p, %s : f32
    linalg.yield %r : f32
  } -> tensor<8xf32>
  %nw = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%w, %dw : tensor<288x10xf32>, tensor<288x10xf32>) outs(%ew : tensor<288x10xf32>) {
  ^bb0(%p: f32, %g: f32, %o: f32):
    %s = arith.mulf %g, %lr : f32
    %r = arith.subf %p, %s : f32
    linalg.yield %r : f32
  } -> tensor<288x10xf32>
  %nbw = linalg.generic {indexing_maps = [#id1, #id1, #id1], iterator_types = ["parallel"]}
      ins(%bw, %dbw : tensor<10xf32>, tensor<10xf32>) outs(%ebw : tensor<10xf32>) {
  ^bb0(%p: f32, %g: f32, %o: f32):
    %s = arith.mulf %g, %lr : f32
    %r = arith.subf %p, %s : f32
    linalg.yield %r : f32
  } -> tensor<10xf32>
  return %nk, %nbk, %nw, %nbw, %loss : tensor<3x3x1x8xf32>, tensor<8xf32>, tensor<288x10xf32>, tensor<10xf32>, tensor<f32>
}
