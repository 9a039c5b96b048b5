import Dispatch
import OKRCore

/// Runs independent work on all cores and keeps results in input order.
public enum Parallel {
    /// `transform` applied to every element, in parallel chunks; results in input order.
    /// Use only where `transform` touches no shared mutable state.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let n = items.count
        guard n > 1, activeProcessorCount > 1 else { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<R>.allocate(capacity: n)
        let chunks = min(n, max(1, activeProcessorCount * 4))
        let box = ResultBox(results)
        items.withUnsafeBufferPointer { input in
            let inputBox = InputBox(input)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let lo = chunk * n / chunks
                let hi = (chunk + 1) * n / chunks
                for i in lo..<hi {
                    (box.pointer.baseAddress! + i).initialize(to: transform(inputBox.pointer[i]))
                }
            }
        }
        let array = Array(results)
        _ = results.deinitialize()
        results.deallocate()
        return array
    }

    /// `transform` applied to every position of a table (`org.objectives.indices`), in parallel: a table
    /// with the same positions.
    public static func map<Index: TypedIndex, R: Sendable>(
        _ indices: Range<Index>, _ transform: @Sendable (Index) -> R
    ) -> IndexedArray<Index, R> {
        // A table's positions start at 0, so the results' positions are the indices themselves.
        precondition(indices.isEmpty || indices.lowerBound.raw == 0, "not the indices of a table")
        return IndexedArray(map(Array(indices), transform))
    }

    /// The number of cores to use: `OKRPORTAL_THREADS` if set, else the system's count.
    public static var activeProcessorCount: Int {
        if let v = getenv("OKRPORTAL_THREADS"), let n = Int(String(cString: v)), n > 0 { return n }
        return Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }
}

/// Each chunk writes distinct slots of the buffer, so sharing it across threads is safe.
private struct ResultBox<R>: @unchecked Sendable {
    let pointer: UnsafeMutableBufferPointer<R>
    init(_ p: UnsafeMutableBufferPointer<R>) { pointer = p }
}

/// The input is only read while the parallel loop runs.
private struct InputBox<T>: @unchecked Sendable {
    let pointer: UnsafeBufferPointer<T>
    init(_ p: UnsafeBufferPointer<T>) { pointer = p }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
