extension Int {
    /// Decimal, zero-padded to `width` like `%0*d` (String(format:) costs microseconds on a path run per event).
    public func padded(_ width: Int) -> String {
        let digits = String(magnitude)
        let sign = self < 0 ? "-" : ""
        let pad = width - sign.count - digits.count
        return pad > 0 ? sign + String(repeating: "0", count: pad) + digits : sign + digits
    }
}
