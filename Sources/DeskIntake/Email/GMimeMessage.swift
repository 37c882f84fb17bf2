import CGMime
import DeskDomain
import Foundation

// The only file that speaks to GMime: everything it hands back is copied into Swift values here, and every
// GMime object made here is released before the function that made it returns.

/// g_mime_init, once: a global is initialised lazily and exactly once, whichever thread comes first.
private let gmimeInitialized: Void = g_mime_init()

/// One header field as GMime read it.
struct MIMEHeader {
    /// As written.
    var name: String
    /// Unfolded but not RFC 2047 decoded: GMime decodes with glibc's iconv, which loses CP932 characters.
    var value: String
    /// Where the field starts in the input.
    var offset: Int
}

/// One MIME part (or the message's own body) as GMime parsed it.
struct MIMEPart {
    enum TransferEncoding: Equatable {
        case identity, base64, quotedPrintable
        /// Any other Content-Transfer-Encoding (uuencode too), as written.
        case unknown(String)
    }

    enum Body {
        /// `closed`: its closing boundary line was found. `children` stop at `IntakeLimits.mimeDepth`.
        case multipart(children: [MIMEPart], boundary: String?, closed: Bool)
        /// Where the content lies in the input, still transfer-encoded.
        case content(Range<Int>)
        /// A message/rfc822 part as GMime writes it back; nil when it is larger than an attachment may be.
        case message(bytes: [UInt8]?, size: Int)
    }

    /// Numbered as IMAP does (`1.2`); empty for a multipart that is the message's own body.
    var path: String
    var headers: [MIMEHeader]
    /// Lower-cased `type/subtype`.
    var mediaType: String
    /// Content-Type parameters (RFC 2231 joined and decoded by GMime); lower-cased names, the first one wins.
    var parameters: [String: String]
    /// Lower-cased; nil without a Content-Disposition.
    var disposition: String?
    /// `filename` of the disposition, else `name` of the content type, decoded by GMime.
    var filename: String?
    var encoding: TransferEncoding
    var body: Body
}

/// A parsed e-mail: the message's own header fields and its body.
struct MIMEMessage {
    /// Those GMime keeps on the message: all but the `Content-*` fields, which are `root`'s.
    var headers: [MIMEHeader]
    var root: MIMEPart

    /// Nil when GMime finds no header section to start from (the first line is not a field). Refuses header
    /// fields past `IntakeLimits.allHeaderBytes`: GMime makes objects of each before any check of ours can run.
    static func parse(_ bytes: [UInt8]) throws(InputError) -> MIMEMessage? {
        _ = gmimeInitialized
        guard !bytes.isEmpty else { return nil }
        let stream = bytes.withUnsafeBufferPointer { g_mime_stream_mem_new_with_buffer(chars($0), $0.count)! }
        defer { g_object_unref(stream) }
        let parser = g_mime_parser_new_with_stream(stream)!
        defer { g_object_unref(parser) }
        g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE)
        let options = g_mime_parser_options_new()!
        defer { g_mime_parser_options_free(options) }

        let meter = HeaderMeter(stream: stream)
        let box = Unmanaged.passRetained(meter)
        defer { box.release() }
        g_mime_parser_set_header_regex(parser, "", { _, name, value, _, data in
            Unmanaged<HeaderMeter>.fromOpaque(data!).takeUnretainedValue().add(strlen(name!) + 1 + strlen(value!))
        }, box.toOpaque())

        let parsed = g_mime_parser_construct_message(parser, options)
        defer { if let parsed { g_object_unref(parsed) } }
        if meter.stopped {
            throw .tooLarge(what: "the header fields of all the e-mail's parts together", limit: IntakeLimits.allHeaderBytes,
                            actual: meter.total)
        }
        guard let message = parsed else { return nil }
        let object = mado_object(message)!
        guard let body = g_mime_message_get_mime_part(message) else { return nil }
        let isMultipart = mado_is_multipart(body) != 0
        return MIMEMessage(headers: headers(object), root: part(body, path: isMultipart ? "" : "1", depth: 0))
    }

    /// Counts the bytes of GMime's header fields as it parses them, and ends its input once they pass the limit.
    private final class HeaderMeter {
        let stream: UnsafeMutablePointer<GMimeStream>
        var total = 0
        var stopped = false

        init(stream: UnsafeMutablePointer<GMimeStream>) { self.stream = stream }

        func add(_ bytes: Int) {
            total += bytes
            guard total > IntakeLimits.allHeaderBytes, !stopped else { return }
            stopped = true
            // What GMime has already buffered (4 KiB at most) is still parsed, then it sees the end.
            g_mime_stream_set_bounds(stream, 0, stream.pointee.position)
        }
    }

    private static func part(_ o: UnsafeMutablePointer<GMimeObject>, path: String, depth: Int) -> MIMEPart {
        let fields = headers(o)
        let type = g_mime_object_get_content_type(o)
        var mediaType = "application/octet-stream", parameters: [String: String] = [:]
        if let type {
            if let m = g_mime_content_type_get_mime_type(type) {
                mediaType = String(cString: m).lowercased()
                g_free(m)
            }
            parameters = params(g_mime_content_type_get_parameters(type))
        }
        var disposition: String? = nil, filename = parameters["name"]
        if let d = g_mime_object_get_content_disposition(o) {
            disposition = g_mime_content_disposition_get_disposition(d).map { String(cString: $0).lowercased() }
            filename = params(g_mime_content_disposition_get_parameters(d))["filename"] ?? filename
        }
        let cte = fields.first { $0.name.lowercased() == "content-transfer-encoding" }?.value ?? ""
        let encoding: MIMEPart.TransferEncoding = switch g_mime_content_encoding_from_string(cte) {
        case GMIME_CONTENT_ENCODING_7BIT, GMIME_CONTENT_ENCODING_8BIT, GMIME_CONTENT_ENCODING_BINARY: .identity
        case GMIME_CONTENT_ENCODING_BASE64: .base64
        case GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE: .quotedPrintable
        case GMIME_CONTENT_ENCODING_DEFAULT where cte.allSatisfy({ $0 == " " || $0 == "\t" }): .identity
        default: .unknown(cte)
        }

        let body: MIMEPart.Body
        if mado_is_multipart(o) != 0 {
            let m = mado_multipart(o)!
            var children: [MIMEPart] = []
            if depth < IntakeLimits.mimeDepth {
                for k in 0..<g_mime_multipart_get_count(m) {
                    let childPath = path.isEmpty ? "\(k + 1)" : "\(path).\(k + 1)"
                    children.append(part(g_mime_multipart_get_part(m, k), path: childPath, depth: depth + 1))
                }
            }
            // Not g_mime_multipart_get_boundary: that makes one up when the header has none.
            body = .multipart(children: children, boundary: parameters["boundary"], closed: mado_multipart_closed(m) != 0)
        } else if mado_is_message_part(o) != 0 {
            body = message(g_mime_message_part_get_message(mado_message_part(o)))
        } else if mado_is_part(o) != 0, let content = g_mime_part_get_content(mado_part(o)),
                  let s = g_mime_data_wrapper_get_stream(content) {
            // The parser keeps a part's content as a window on the input stream: its bounds are input offsets.
            let start = Int(s.pointee.bound_start), end = Int(s.pointee.bound_end)
            body = .content(end >= start && start >= 0 ? start..<end : 0..<0)
        } else {
            body = .content(0..<0)
        }
        return MIMEPart(path: path, headers: fields, mediaType: mediaType, parameters: parameters,
                        disposition: disposition, filename: filename, encoding: encoding, body: body)
    }

    /// Measured first, so an oversized message is never copied.
    private static func message(_ m: UnsafeMutablePointer<CGMime.GMimeMessage>?) -> MIMEPart.Body {
        guard let m else { return .message(bytes: [], size: 0) }
        let object = mado_object(m)
        let counter = g_mime_stream_null_new()!
        defer { g_object_unref(counter) }
        g_mime_object_write_to_stream(object, nil, counter)
        let size = Int(mado_stream_null(counter)!.pointee.written)
        guard size <= IntakeLimits.attachmentBytes else { return .message(bytes: nil, size: size) }
        let out = g_mime_stream_mem_new()!
        defer { g_object_unref(out) }
        g_mime_object_write_to_stream(object, nil, out)
        return .message(bytes: bytes(g_mime_stream_mem_get_byte_array(mado_stream_mem(out))), size: size)
    }

    private static func headers(_ o: UnsafeMutablePointer<GMimeObject>) -> [MIMEHeader] {
        guard let list = g_mime_object_get_header_list(o) else { return [] }
        var out: [MIMEHeader] = []
        for i in 0..<g_mime_header_list_get_count(list) {
            guard let h = g_mime_header_list_get_header_at(list, i), let name = g_mime_header_get_name(h) else { continue }
            var value = ""
            if let raw = g_mime_header_get_raw_value(h), let unfolded = g_mime_utils_header_unfold(raw) {
                value = String(cString: unfolded)
                g_free(unfolded)
            }
            out.append(MIMEHeader(name: String(cString: name), value: value, offset: Int(g_mime_header_get_offset(h))))
        }
        return out
    }

    private static func params(_ list: UnsafeMutablePointer<GMimeParamList>?) -> [String: String] {
        guard let list else { return [:] }
        var out: [String: String] = [:]
        for i in 0..<g_mime_param_list_length(list) {
            guard let p = g_mime_param_list_get_parameter_at(list, i), let name = g_mime_param_get_name(p) else { continue }
            let key = String(cString: name).lowercased()
            if out[key] == nil { out[key] = g_mime_param_get_value(p).map { String(cString: $0) } ?? "" }
        }
        return out
    }

    private static func bytes(_ array: UnsafeMutablePointer<GByteArray>?) -> [UInt8] {
        guard let a = array?.pointee, let data = a.data else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: Int(a.len)))
    }

    fileprivate static func chars(_ b: UnsafeBufferPointer<UInt8>) -> UnsafePointer<CChar>? {
        b.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
    }
}

/// GMime's base64 and quoted-printable decoders, for content GMime located and for RFC 2047 words.
enum GMimeCodec {
    static func decode(_ bytes: ArraySlice<UInt8>, base64: Bool) -> [UInt8] {
        var state = GMimeEncoding()
        g_mime_encoding_init_decode(&state, base64 ? GMIME_CONTENT_ENCODING_BASE64 : GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE)
        var out = [UInt8](repeating: 0, count: g_mime_encoding_outlen(&state, bytes.count))
        let n = bytes.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                g_mime_encoding_flush(&state, MIMEMessage.chars(input), input.count,
                                      UnsafeMutableRawPointer(output.baseAddress!).assumingMemoryBound(to: CChar.self))
            }
        }
        out.removeSubrange(n...)
        return out
    }

    /// The decoded size, decoding 64 KiB at a time and keeping nothing.
    static func decodedCount(_ bytes: ArraySlice<UInt8>, base64: Bool) -> Int {
        var state = GMimeEncoding()
        g_mime_encoding_init_decode(&state, base64 ? GMIME_CONTENT_ENCODING_BASE64 : GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE)
        let chunk = 64 * 1024
        var scratch = [CChar](repeating: 0, count: g_mime_encoding_outlen(&state, chunk))
        var count = 0, at = bytes.startIndex
        repeat {
            let piece = bytes[at..<min(at + chunk, bytes.endIndex)]
            at = piece.endIndex
            count += piece.withUnsafeBufferPointer { input in
                scratch.withUnsafeMutableBufferPointer { output in
                    at == bytes.endIndex
                        ? g_mime_encoding_flush(&state, MIMEMessage.chars(input), input.count, output.baseAddress)
                        : g_mime_encoding_step(&state, MIMEMessage.chars(input), input.count, output.baseAddress)
                }
            }
        } while at < bytes.endIndex
        return count
    }
}

/// GMime's RFC 5322 address-list parser.
enum GMimeAddresses {
    struct Mailbox: Equatable {
        var name: String?
        var address: String
    }

    /// The mailboxes in order, group members included; names as GMime decodes them.
    static func mailboxes(_ value: String) -> [Mailbox] {
        _ = gmimeInitialized
        guard let list = internet_address_list_parse(nil, value) else { return [] }
        defer { g_object_unref(list) }
        var out: [Mailbox] = []
        collect(list, into: &out)
        return out
    }

    private static func collect(_ list: UnsafeMutablePointer<InternetAddressList>, into out: inout [Mailbox]) {
        for i in 0..<internet_address_list_length(list) {
            guard let a = internet_address_list_get_address(list, i) else { continue }
            if mado_is_group(a) != 0 {
                // A group inside a group is not RFC 5322; GMime does not nest them.
                if let members = internet_address_group_get_members(mado_group(a)) { collect(members, into: &out) }
            } else if mado_is_mailbox(a) != 0, let addr = internet_address_mailbox_get_addr(mado_mailbox(a)) {
                let name = internet_address_get_name(a).map { String(cString: $0) }
                out.append(Mailbox(name: name?.isEmpty == false ? name : nil, address: String(cString: addr)))
            }
        }
    }
}
