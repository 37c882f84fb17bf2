/// A payload shape a type was written in at an older schema, and how it reads as today's shape.
///
/// Stored format: a legacy shape describes bytes already in logs. Never change one; it holds exactly the tolerance
/// its schema needed.
protocol LegacyPayload: Decodable {
    associatedtype Current: Decodable
    func upcast() -> Current
}
