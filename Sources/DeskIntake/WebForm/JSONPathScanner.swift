/// Follows a JSON text byte by byte, knowing the path of the value it is in (`staff[0].name`).
/// Used to name the field around a bad byte and to find keys given twice; the text is parsed properly elsewhere.
struct JSONPathScanner {
    private struct Level {
        var isObject: Bool
        var key: String?
        var index: Int
        var seen: Set<String>
    }
    private var stack: [Level] = []
    private var inString = false, escaped = false, isKey = false, expectKey = false
    private var current: [UInt8] = []

    /// Inside a string that is a value (not a key).
    var inValueString: Bool { inString && !isKey }

    /// The path of the current value, nil when outside every object or before its first key.
    var path: String? {
        guard !stack.isEmpty else { return nil }
        var out = ""
        for level in stack {
            if level.isObject {
                guard let k = level.key else { return nil }
                out += out.isEmpty ? k : "." + k
            } else {
                out += "[\(level.index)]"
            }
        }
        return out
    }

    /// Takes one byte; returns the path of a key when this byte completes a key already seen in its object.
    @discardableResult
    mutating func feed(_ c: UInt8) -> String? {
        if inString {
            if escaped {
                escaped = false
                if isKey { current.append(c) }
                return nil
            }
            if c == UInt8(ascii: "\\") {
                escaped = true
                if isKey { current.append(c) }
                return nil
            }
            if c == UInt8(ascii: "\"") {
                inString = false
                if isKey, !stack.isEmpty {
                    let key = String(decoding: current, as: UTF8.self)
                    stack[stack.count - 1].key = key
                    if !stack[stack.count - 1].seen.insert(key).inserted { return path }
                }
                return nil
            }
            if isKey { current.append(c) }
            return nil
        }
        switch c {
        case UInt8(ascii: "\""):
            inString = true
            isKey = expectKey
            current = []
        case UInt8(ascii: "{"):
            stack.append(Level(isObject: true, key: nil, index: 0, seen: []))
            expectKey = true
        case UInt8(ascii: "["):
            stack.append(Level(isObject: false, key: nil, index: 0, seen: []))
            expectKey = false
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            _ = stack.popLast()
            expectKey = false
        case UInt8(ascii: ":"):
            expectKey = false
        case UInt8(ascii: ","):
            if let top = stack.last {
                if top.isObject { expectKey = true } else { stack[stack.count - 1].index += 1 }
            }
        default:
            break
        }
        return nil
    }
}
