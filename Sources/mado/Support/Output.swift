import Foundation

/// Writes that never trap: FileHandle.write raises on EPIPE or EIO (a closed pipe, a vanished terminal), which
/// would crash a process that holds the desk key. A failed write is dropped; the exit status says the rest.
enum Output {
    static func standardError(_ text: String) { write(text, to: STDERR_FILENO) }

    static func standardOutput(_ data: Data) {
        data.withUnsafeBytes { write($0, to: STDOUT_FILENO) }
    }

    static func write(_ text: String, to fd: Int32) {
        var t = text
        t.withUTF8 { write(UnsafeRawBufferPointer($0), to: fd) }
    }

    private static func write(_ bytes: UnsafeRawBufferPointer, to fd: Int32) {
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            done += n
        }
    }
}
