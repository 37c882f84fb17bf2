/// The limits of what the desk takes in. Documented in the README; change both together.
public enum IntakeLimits {
    /// A whole web-form file.
    public static let submissionBytes = 64 * 1024 * 1024
    public static let complaint = 20_000
    public static let requests = 20_000
    public static let name = 200
    public static let phone = 40
    public static let email = 254
    public static let place = 200
    public static let characteristics = 1_000
    public static let staffEntries = 20
}
