#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file mapped read-only into memory, whose pages can be handed back once read.
///
/// A 59 MB camt file read through a mapping counts fully towards the process's resident size by its end, although
/// the scanner reads it once from front to back. Its own mapping (private, read-only, from the file) lets the
/// scanner drop the pages behind it: dropped pages are read from the file again should they be touched again, so
/// dropping is never wrong, only slower. Never used for memory that is not such a mapping.
final class MappedFile {
    let bytes: UnsafeRawBufferPointer
    private let pageSize: Int
    /// The offset up to which pages have been handed back.
    private var released = 0

    /// Maps the file at `path`; nil when it is empty or cannot be mapped (the caller reads it another way).
    init?(path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 0 else { return nil }
        let size = Int(status.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
            base != UnsafeMutableRawPointer(bitPattern: -1)
        else { return nil }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
        pageSize = Int(getpagesize())
        _ = madvise(base, size, MADV_SEQUENTIAL)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }

    /// Hands back the whole pages before `offset` that were not handed back yet.
    func release(before offset: Int) {
        let end = offset / pageSize * pageSize
        guard end > released, let base = bytes.baseAddress else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + released), end - released, MADV_DONTNEED)
        released = end
    }
}
