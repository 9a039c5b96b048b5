/// One page being rendered: the bytes written so far, and the views of the sections it is inside.
///
/// The stack holds a pointer to each view the template is inside (the page, then one per open section).
/// The compiler knows the type at every depth, so a compiled tag reads `stack[depth]` with the right
/// getter and never asks what it holds.
struct RenderState {
    /// The page's bytes.
    var out: [UInt8]
    /// The views of the open sections, outermost first. Each pointer is valid while its section renders.
    var stack: [UnsafeRawPointer] = []
    /// Each frame's position in its list, and the list's length (0 and 1 outside lists).
    var index: [Int] = []
    var count: [Int] = []
    /// Takes the bytes written so far once a page grows past ``flushAt`` (checked between the items of
    /// a list): a period page listing 50,000 objectives is 75 MB of HTML, which then goes to its file
    /// in pieces instead of being held whole.
    var flush: ((inout [UInt8]) -> Void)?
    var flushAt = Int.max

    /// A state writing after the bytes of `out`.
    init(out: [UInt8]) {
        self.out = out
        stack.reserveCapacity(8)
        index.reserveCapacity(8)
        count.reserveCapacity(8)
    }

    mutating func push(_ p: UnsafeRawPointer, _ i: Int, _ n: Int) {
        stack.append(p)
        index.append(i)
        count.append(n)
    }

    /// Hands the bytes so far to ``flush`` when there are more than ``flushAt``.
    @inline(__always) mutating func flushIfLarge() {
        if out.count >= flushAt, let flush { flush(&out) }
    }

    mutating func pop() {
        stack.removeLast()
        index.removeLast()
        count.removeLast()
    }
}

/// Writing text into HTML, over UTF-8 bytes.
enum HTMLBytes {
    /// Appends `text` with `& < > " '` escaped, the five characters that matter in element content and
    /// quoted attribute values.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { u in
            var start = 0
            for i in 0..<u.count {
                let b = u[i]
                // Every character that needs escaping is below `?` (63).
                guard b < 63 else { continue }
                let replacement: StaticString
                switch b {
                case 38: replacement = "&amp;"
                case 60: replacement = "&lt;"
                case 62: replacement = "&gt;"
                case 34: replacement = "&quot;"
                case 39: replacement = "&#39;"
                default: continue
                }
                if start < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<i])) }
                out.append(
                    contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                start = i + 1
            }
            if start < u.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[start...])) }
        }
    }

    /// Appends `text` as it is.
    static func appendRaw(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// Appends a whole number in decimal digits.
    static func appendNumber(_ n: Int, to out: inout [UInt8]) {
        out.append(contentsOf: String(n).utf8)
    }
}
