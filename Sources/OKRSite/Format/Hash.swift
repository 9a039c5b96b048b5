/// FNV-1a, 64 bit: short content hashes for asset file names (cache busting, not security).
public enum ContentHash {
    /// The hash of `bytes` as 16 lowercase hex digits.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
