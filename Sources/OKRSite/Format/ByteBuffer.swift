extension Array where Element == UInt8 {
    /// Appends literal text. Most pieces are a few bytes (`="`, `/>`), for which appending byte by
    /// byte costs a fifth of a generic `append(contentsOf:)` (callgrind).
    @inline(__always) mutating func appendLiteral(_ s: StaticString) {
        let n = s.utf8CodeUnitCount
        let p = s.utf8Start
        if n <= 16 {
            for i in 0..<n { append(p[i]) }
        } else {
            append(contentsOf: UnsafeBufferPointer(start: p, count: n))
        }
    }

    /// Reverses the bytes from `start` to the end in place: digits are produced lowest first.
    ///
    /// `self[start...].reverse()` reads like this but copies the slice into a new buffer and writes
    /// it back (a malloc, a copy and a free per number: 730 instructions for a two-digit number,
    /// 8 % of a build under callgrind); through the buffer pointer the swap happens where the bytes are.
    @inline(__always) mutating func reverseTail(from start: Int) {
        guard count - start > 1 else { return }
        withUnsafeMutableBufferPointer { buffer in
            var i = start
            var j = buffer.count - 1
            while i < j {
                buffer.swapAt(i, j)
                i += 1
                j -= 1
            }
        }
    }
}
