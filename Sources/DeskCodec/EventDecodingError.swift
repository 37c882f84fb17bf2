import DeskDomain

/// Why a stored event could not be read.
public enum EventDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownType(String)
    case unknownSchema(type: String, schemaVersion: Int)

    public var description: String {
        switch self {
        case .unknownType(let t): "unknown event type \(Sanitizer.visible(t)): this database was written by a newer mado"
        case let .unknownSchema(t, v) where v < 1: "event type \(t) has schema \(v), which no mado writes"
        case let .unknownSchema(t, v): "event type \(t) has schema \(v), which this mado does not know: upgrade mado"
        }
    }
}
