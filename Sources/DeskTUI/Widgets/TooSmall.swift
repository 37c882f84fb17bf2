/// Below 80×24: the current and the needed size, in both languages (the language may be what cannot be read).
struct TooSmall {
    let size: Size

    func render(into s: inout Screen) {
        let lines = ["端末が小さすぎます / Terminal too small",
                     "現在 \(size.width)×\(size.height) / now \(size.width)×\(size.height)",
                     "80×24 以上が必要です / needs at least 80×24"]
        let top = max(1, (s.height - lines.count) / 2)
        for (i, l) in lines.enumerated() {
            let w = DisplayWidth.of(l)
            s.put(l, x: max(0, (s.width - w) / 2), y: top + i, role: i == 0 ? .warning : .normal)
        }
    }
}
