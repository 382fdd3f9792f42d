// One SGD step of a 64-128-10 MLP with softmax cross-entropy, in FP32, as a
// frontend (torch-mlir, IREE, TOSA-to-linalg) emits it: linalg on tensors,
// arith, math, func. The batch is dynamic. Forward, backward and the update
// are all here; nothing marks which is which.
//
// Inputs: images x [B, 64], one-hot labels y [B, 10], parameters, learning
// rate. Results: the updated parameters and the mean loss.

#id2 = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d1)>
#col = affine_map<(d0, d1) -> (d0)>
#scalar2 = affine_map<(d0, d1) -> ()>
#id1 = affine_map<(d0) -> (d0)>
#scalar1 = affine_map<(d0) -> ()>

func.func @step(%x: tensor<?x64xf32>, %y: tensor<?x10xf32>,
                %w1: tensor<64x128xf32>, %b1: tensor<128xf32>,
                %w2: tensor<128x10xf32>, %b2: tensor<10xf32>, %lr: f32)
    -> (tensor<64x128xf32>, tensor<128xf32>, tensor<128x10xf32>, tensor<10xf32>, tensor<f32>) {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %batch = tensor.dim %x, %c0 : tensor<?x64xf32>
  %batch_i = arith.index_cast %batch : index to i64
  %batch_f = arith.sitofp %batch_i : i64 to f32

  // Forward: h = relu(x @ w1 + b1), logits = h @ w2 + b2.
  %e1 = tensor.empty(%batch) : tensor<?x128xf32>
  %f1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<?x128xf32>) -> tensor<?x128xf32>
  %z1 = linalg.matmul ins(%x, %w1 : tensor<?x64xf32>, tensor<64x128xf32>)
                      outs(%f1 : tensor<?x128xf32>) -> tensor<?x128xf32>
  %h = linalg.generic {indexing_maps = [#id2, #row, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%z1, %b1 : tensor<?x128xf32>, tensor<128xf32>) outs(%e1 : tensor<?x128xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %s = arith.addf %a, %b : f32
    %r = arith.maximumf %s, %zero : f32
    linalg.yield %r : f32
  } -> tensor<?x128xf32>
  %e2 = tensor.empty(%batch) : tensor<?x10xf32>
  %f2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<?x10xf32>) -> tensor<?x10xf32>
  %z2 = linalg.matmul ins(%h, %w2 : tensor<?x128xf32>, tensor<128x10xf32>)
                      outs(%f2 : tensor<?x10xf32>) -> tensor<?x10xf32>
  %logits = linalg.generic {indexing_maps = [#id2, #row, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%z2, %b2 : tensor<?x10xf32>, tensor<10xf32>) outs(%e2 : tensor<?x10xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %s = arith.addf %a, %b : f32
    linalg.yield %s : f32
  } -> tensor<?x10xf32>

  // Softmax cross-entropy.
  %eb = tensor.empty(%batch) : tensor<?xf32>
  %mi = linalg.fill ins(%ninf : f32) outs(%eb : tensor<?xf32>) -> tensor<?xf32>
  %max = linalg.generic {indexing_maps = [#id2, #col], iterator_types = ["parallel", "reduction"]}
      ins(%logits : tensor<?x10xf32>) outs(%mi : tensor<?xf32>) {
  ^bb0(%a: f32, %m: f32):
    %r = arith.maximumf %a, %m : f32
    linalg.yield %r : f32
  } -> tensor<?xf32>
  %ex = linalg.generic {indexing_maps = [#id2, #col, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%logits, %max : tensor<?x10xf32>, tensor<?xf32>) outs(%e2 : tensor<?x10xf32>) {
  ^bb0(%a: f32, %m: f32, %o: f32):
    %d = arith.subf %a, %m : f32
    %r = math.exp %d : f32
    linalg.yield %r : f32
  } -> tensor<?x10xf32>
  %si = linalg.fill ins(%zero : f32) outs(%eb : tensor<?xf32>) -> tensor<?xf32>
  %sum = linalg.generic {indexing_maps = [#id2, #col], iterator_types = ["parallel", "reduction"]}
      ins(%ex : tensor<?x10xf32>) outs(%si : tensor<?xf32>) {
  ^bb0(%a: f32, %s: f32):
    %r = arith.addf %a, %s : f32
    linalg.yield %r : f32
  } -> tensor<?xf32>
  // dlogits = (softmax - y) / B; loss = mean(log(sum) + max - <y, logits>).
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
  ^bb0(%z: f32, %m: f32, %s: f32, %t: f32, %acc: f32):
    %ls = math.log %s : f32
    %lse = arith.addf %ls, %m : f32
    %nll = arith.subf %lse, %z : f32
    %w = arith.mulf %nll, %t : f32
    %r = arith.addf %acc, %w : f32
    linalg.yield %r : f32
  } -> tensor<f32>
  %loss = linalg.generic {indexing_maps = [affine_map<() -> ()>, affine_map<() -> ()>], iterator_types = []}
      ins(%loss_sum : tensor<f32>) outs(%l0 : tensor<f32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.divf %a, %batch_f : f32
    linalg.yield %r : f32
  } -> tensor<f32>

  // Backward. dw2 = h^T @ dlogits (a transposed matmul), db2 = sum_b dlogits.
  %ew2 = tensor.empty() : tensor<128x10xf32>
  %fw2 = linalg.fill ins(%zero : f32) outs(%ew2 : tensor<128x10xf32>) -> tensor<128x10xf32>
  %dw2 = linalg.matmul
      indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (k, n)>,
                       affine_map<(m, n, k) -> (m, n)>]
      ins(%h, %dlogits : tensor<?x128xf32>, tensor<?x10xf32>)
      outs(%fw2 : tensor<128x10xf32>) -> tensor<128x10xf32>
  %eb2 = tensor.empty() : tensor<10xf32>
  %fb2 = linalg.fill ins(%zero : f32) outs(%eb2 : tensor<10xf32>) -> tensor<10xf32>
  %db2 = linalg.reduce ins(%dlogits : tensor<?x10xf32>) outs(%fb2 : tensor<10xf32>) dimensions = [0]
    (%a: f32, %s: f32) {
      %r = arith.addf %a, %s : f32
      linalg.yield %r : f32
    }
  // dh = dlogits @ w2^T, through an explicit transpose; dz1 = dh * (h > 0).
  %ew2t = tensor.empty() : tensor<10x128xf32>
  %w2t = linalg.transpose ins(%w2 : tensor<128x10xf32>) outs(%ew2t : tensor<10x128xf32>) permutation = [1, 0]
  %dh = linalg.matmul ins(%dlogits, %w2t : tensor<?x10xf32>, tensor<10x128xf32>)
                      outs(%f1 : tensor<?x128xf32>) -> tensor<?x128xf32>
  %dz1 = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%dh, %h : tensor<?x128xf32>, tensor<?x128xf32>) outs(%e1 : tensor<?x128xf32>) {
  ^bb0(%g: f32, %a: f32, %o: f32):
    %pos = arith.cmpf ogt, %a, %zero : f32
    %r = arith.select %pos, %g, %zero : f32
    linalg.yield %r : f32
  } -> tensor<?x128xf32>
  // dw1 = x^T @ dz1 as a linalg.generic contraction; db1 = sum_b dz1.
  %ew1 = tensor.empty() : tensor<64x128xf32>
  %fw1 = linalg.fill ins(%zero : f32) outs(%ew1 : tensor<64x128xf32>) -> tensor<64x128xf32>
  %dw1 = linalg.generic {indexing_maps = [affine_map<(i, j, b) -> (b, i)>, affine_map<(i, j, b) -> (b, j)>,
                                          affine_map<(i, j, b) -> (i, j)>],
                         iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %dz1 : tensor<?x64xf32>, tensor<?x128xf32>) outs(%fw1 : tensor<64x128xf32>) {
  ^bb0(%a: f32, %g: f32, %acc: f32):
    %p = arith.mulf %a, %g : f32
    %r = arith.addf %acc, %p : f32
    linalg.yield %r : f32
  } -> tensor<64x128xf32>
  %eb1 = tensor.empty() : tensor<128xf32>
  %fb1 = linalg.fill ins(%zero : f32) outs(%eb1 : tensor<128xf32>) -> tensor<128xf32>
  %db1 = linalg.reduce ins(%dz1 : tensor<?x128xf32>) outs(%fb1 : tensor<128xf32>) dimensions = [0]
    (%a: f32, %s: f32) {
      %r = arith.addf %a, %s : f32
      linalg.yield %r : f32
    }

  // SGD: p -= lr * dp.
  %nw1 = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%w1, %dw1 : tensor<64x128xf32>, tensor<64x128xf32>) outs(%ew1 : tensor<64x128xf32>) {
  ^bb0(%p: f32, %g: f32, %o: f32):
    %s = arith.mulf %g, %lr : f32
    %r = arith.subf %p, %s : f32
    linalg.yield %r : f32
  } -> tensor<64x128xf32>
  %nb1 = linalg.generic {indexing_maps = [#id1, #id1, #id1], iterator_types = ["parallel"]}
      ins(%b1, %db1 : tensor<128xf32>, tensor<128xf32>) outs(%eb1 : tensor<128xf32>) {
  ^bb0(%p: f32, %g: f32, %o: f32):
    %s = arith.mulf %g, %lr : f32
    %r = arith.subf %p, %s : f32
    linalg.yield %r : f32
  } -> tensor<128xf32>
  %nw2 = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%w2, %dw2 : tensor<128x10xf32>, tensor<128x10xf32>) outs(%ew2 : tensor<128x10xf32>) {
  ^bb0(%p: f32, %g: f32, %o: f32):
    %s = arith.mulf %g, %lr : f32
    %r = arith.subf %p, %s : f32
    linalg.yield %r : f32
  } -> tensor<128x10xf32>
  %nb2 = linalg.generic {indexing_maps = [#id1, #id1, #id1], iterator_types = ["parallel"]}
      ins(%b2, %db2 : tensor<10xf32>, tensor<10xf32>) outs(%eb2 : tensor<10xf32>) {
  ^bb0(%p: f32, %g: f32, %o: f32):
    %s = arith.mulf %g, %lr : f32
    %r = arith.subf %p, %s : f32
    linalg.yield %r : f32
  } -> tensor<10xf32>
  return %nw1, %nb1, %nw2, %nb2, %loss : tensor<64x128xf32>, tensor<128xf32>, tensor<128x10xf32>, tensor<10xf32>, tensor<f32>
}
