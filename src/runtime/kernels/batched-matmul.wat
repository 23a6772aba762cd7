;; Batched matrix product with 128-bit SIMD: out[z] = a[z] · b[z] for z < batch, where a[z] is
;; [m, k], b[z] is [k, n] and out[z] is [m, n], all row-major float32 at the given byte offsets.
;; Each output element is summed in order over k with separate multiply and add, so results equal
;; a plain float32 loop's bit for bit.
(module
  (memory (export "memory") 1)

  (func (export "matmul")
    (param $a i32) (param $b i32) (param $out i32)
    (param $batch i32) (param $m i32) (param $k i32) (param $n i32)
    (local $z i32) (local $i i32) (local $j i32) (local $p i32)
    (local $aRow i32) (local $bCol i32) (local $oRow i32) (local $bRowBytes i32)
    (local $x v128) (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $x1 f32) (local $sum f32)
    (local.set $bRowBytes (i32.shl (local.get $n) (i32.const 2)))
    (local.set $z (i32.const 0))
    (block $batchDone
      (loop $batchLoop
        (br_if $batchDone (i32.ge_u (local.get $z) (local.get $batch)))
        (local.set $i (i32.const 0))
        (block $rowsDone
          (loop $rowLoop
            (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $m)))
            ;; aRow = a + ((z*m + i) * k) * 4; oRow = out + ((z*m + i) * n) * 4
            (local.set $aRow (i32.add (local.get $a) (i32.shl
              (i32.mul (i32.add (i32.mul (local.get $z) (local.get $m)) (local.get $i)) (local.get $k))
              (i32.const 2))))
            (local.set $oRow (i32.add (local.get $out) (i32.shl
              (i32.mul (i32.add (i32.mul (local.get $z) (local.get $m)) (local.get $i)) (local.get $n))
              (i32.const 2))))
            (local.set $j (i32.const 0))
            ;; Sixteen columns at a time, in four vector accumulators.
            (block $wideDone
              (loop $wideLoop
                (br_if $wideDone (i32.gt_u (i32.add (local.get $j) (i32.const 16)) (local.get $n)))
                (local.set $s0 (v128.const i32x4 0 0 0 0))
                (local.set $s1 (v128.const i32x4 0 0 0 0))
                (local.set $s2 (v128.const i32x4 0 0 0 0))
                (local.set $s3 (v128.const i32x4 0 0 0 0))
                ;; bCol = b + ((z*k) * n + j) * 4, moved down one row of b per step of p.
                (local.set $bCol (i32.add (local.get $b) (i32.shl
                  (i32.add (i32.mul (i32.mul (local.get $z) (local.get $k)) (local.get $n)) (local.get $j))
                  (i32.const 2))))
                (local.set $p (i32.const 0))
                (block $wideSumDone
                  (loop $wideSum
                    (br_if $wideSumDone (i32.ge_u (local.get $p) (local.get $k)))
                    (local.set $x (f32x4.splat (f32.load (i32.add (local.get $aRow) (i32.shl (local.get $p) (i32.const 2))))))
                    (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (local.get $x) (v128.load offset=0 (local.get $bCol)))))
                    (local.set $s1 (f32x4.add (local.get $s1) (f32x4.mul (local.get $x) (v128.load offset=16 (local.get $bCol)))))
                    (local.set $s2 (f32x4.add (local.get $s2) (f32x4.mul (local.get $x) (v128.load offset=32 (local.get $bCol)))))
                    (local.set $s3 (f32x4.add (local.get $s3) (f32x4.mul (local.get $x) (v128.load offset=48 (local.get $bCol)))))
                    (local.set $bCol (i32.add (local.get $bCol) (local.get $bRowBytes)))
                    (local.set $p (i32.add (local.get $p) (i32.const 1)))
                    (br $wideSum)))
                (v128.store offset=0 (i32.add (local.get $oRow) (i32.shl (local.get $j) (i32.const 2))) (local.get $s0))
                (v128.store offset=16 (i32.add (local.get $oRow) (i32.shl (local.get $j) (i32.const 2))) (local.get $s1))
                (v128.store offset=32 (i32.add (local.get $oRow) (i32.shl (local.get $j) (i32.const 2))) (local.get $s2))
                (v128.store offset=48 (i32.add (local.get $oRow) (i32.shl (local.get $j) (i32.const 2))) (local.get $s3))
                (local.set $j (i32.add (local.get $j) (i32.const 16)))
                (br $wideLoop)))
            ;; Four columns at a time.
            (block $narrowDone
              (loop $narrowLoop
                (br_if $narrowDone (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $n)))
                (local.set $s0 (v128.const i32x4 0 0 0 0))
                (local.set $bCol (i32.add (local.get $b) (i32.shl
                  (i32.add (i32.mul (i32.mul (local.get $z) (local.get $k)) (local.get $n)) (local.get $j))
                  (i32.const 2))))
                (local.set $p (i32.const 0))
                (block $narrowSumDone
                  (loop $narrowSum
                    (br_if $narrowSumDone (i32.ge_u (local.get $p) (local.get $k)))
                    (local.set $x (f32x4.splat (f32.load (i32.add (local.get $aRow) (i32.shl (local.get $p) (i32.const 2))))))
                    (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (local.get $x) (v128.load (local.get $bCol)))))
                    (local.set $bCol (i32.add (local.get $bCol) (local.get $bRowBytes)))
                    (local.set $p (i32.add (local.get $p) (i32.const 1)))
                    (br $narrowSum)))
                (v128.store (i32.add (local.get $oRow) (i32.shl (local.get $j) (i32.const 2))) (local.get $s0))
                (local.set $j (i32.add (local.get $j) (i32.const 4)))
                (br $narrowLoop)))
            ;; The last columns one by one.
            (block $tailDone
              (loop $tailLoop
                (br_if $tailDone (i32.ge_u (local.get $j) (local.get $n)))
                (local.set $sum (f32.const 0))
                (local.set $bCol (i32.add (local.get $b) (i32.shl
                  (i32.add (i32.mul (i32.mul (local.get $z) (local.get $k)) (local.get $n)) (local.get $j))
                  (i32.const 2))))
                (local.set $p (i32.const 0))
                (block $tailSumDone
                  (loop $tailSum
                    (br_if $tailSumDone (i32.ge_u (local.get $p) (local.get $k)))
                    (local.set $x1 (f32.load (i32.add (local.get $aRow) (i32.shl (local.get $p) (i32.const 2)))))
                    (local.set $sum (f32.add (local.get $sum) (f32.mul (local.get $x1) (f32.load (local.get $bCol)))))
                    (local.set $bCol (i32.add (local.get $bCol) (local.get $bRowBytes)))
                    (local.set $p (i32.add (local.get $p) (i32.const 1)))
                    (br $tailSum)))
                (f32.store (i32.add (local.get $oRow) (i32.shl (local.get $j) (i32.const 2))) (local.get $sum))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $tailLoop)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $rowLoop)))
        (local.set $z (i32.add (local.get $z) (i32.const 1)))
        (br $batchLoop)))))
