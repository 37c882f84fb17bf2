/// The limits of what the desk takes in. Documented in the README; change both together.
public enum IntakeLimits {
    /// A whole web-form file, and a whole e-mail (.eml) file.
    public static let submissionBytes = 64 * 1024 * 1024
    /// Also the limit of an e-mail's body text after decoding.
    public static let complaint = 20_000
    public static let requests = 20_000
    public static let name = 200
    public static let phone = 40
    public static let email = 254
    public static let place = 200
    public static let characteristics = 1_000
    public static let staffEntries = 20

    // E-mail (`EmailParser`). Each bounds the work and memory one hostile message can cost, and each is
    // checked before the part it limits is decoded.
    /// One attachment, decoded.
    public static let attachmentBytes = 10 * 1024 * 1024
    /// Attachments in one e-mail.
    public static let attachments = 20
    /// Multiparts inside multiparts; real mail rarely goes past 4.
    public static let mimeDepth = 10
    /// MIME parts in one e-mail, all levels together: without it, 64 MiB of empty parts is millions of them.
    public static let mimeParts = 500
    /// One header section (the message's or a part's), folded lines included.
    public static let headerBytes = 256 * 1024
    /// The header fields of the message and all its parts together. GMime, which parses the e-mail, builds
    /// objects for each field and parameter before `headerBytes` can be checked part by part.
    public static let allHeaderBytes = 1024 * 1024
    /// Lines that start with `--`, each a possible MIME boundary: GMime makes a part after each, with no limit
    /// of its own, before `mimeParts` can be checked.
    public static let boundaryLines = 10_000
    /// A decoded Subject, in characters.
    public static let subject = 1_000
    /// An attachment's decoded file name, in characters (what file systems take).
    public static let filename = 255
    /// A Message-ID, in characters (the line limit of RFC 5322).
    public static let messageID = 998
}
