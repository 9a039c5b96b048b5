/// Windows-1252 ("ANSI" on Western Windows), the encoding Excel's plain "CSV" format writes there.
enum Windows1252 {
    /// The characters of bytes 0x80…0x9F; the five bytes the code page leaves undefined map to the C1
    /// control of the same number, as Windows' own conversion does. Every other byte is Latin-1.
    static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The text of `bytes` read as Windows-1252; every byte is one character, so this never fails.
    static func decode(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            let value = (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : UInt32(b)
            // Every value in the table and every byte is a valid scalar; the fallback is never taken.
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }
}
