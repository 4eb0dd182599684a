import Foundation

// The web app's form decoding (KontorWeb's FormData and MultipartForm), fuzzed without starting a server:
// scripts/fuzz.sh compiles this file with those two sources and `-sanitize=fuzzer,address` into `kontor-fuzz-web`.
//
// Input: the first line is a Content-Type header value (`multipart/form-data; boundary=X` or anything else),
// the rest the body. A multipart type goes through MultipartForm, anything else through FormData(urlEncoded:),
// and the parsed form is read the way controllers read it.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWebForm(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    let newline = data.firstIndex(of: 0x0A) ?? data.endIndex
    let contentType = String(decoding: data[data.startIndex..<newline], as: UTF8.self)
    let body = newline < data.endIndex ? data[(newline + 1)...] : Data()
    let form: FormData
    if let boundary = MultipartForm.boundary(contentType: contentType) {
        let multipart = MultipartForm(data: Data(body), boundary: boundary)
        for file in multipart.files { _ = (file.fieldName, file.fileName, file.data.count) }
        form = multipart.fields
    } else {
        form = FormData(urlEncoded: String(decoding: body, as: UTF8.self))
    }
    for (key, _) in form.values {
        _ = form[key]
        _ = form.raw(key)
        _ = form.flag(key)
    }
    return 0
}
