import Foundation

/// Runs files through a target without libFuzzer: the regression check for a normal build.
enum Replay {
    /// Runs every file (directories are read one level deep) and returns the exit status: 0 when every file
    /// came back. A crash ends the process, so the last "reading" line names the culprit.
    static func run(_ target: FuzzTarget, paths: [String]) -> Int32 {
        var files: [URL] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(url)
                continue
            }
            let children = try? FileManager.default.contentsOfDirectory(
                at: url, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
            files += (children ?? []).sorted { $0.path < $1.path }
        }
        var count = 0
        for file in files {
            guard let data = try? Data(contentsOf: file) else {
                print("cannot read \(file.path)")
                return 1
            }
            print("reading \(file.path)")
            let start = Date()
            target.run(data)
            count += 1
            let seconds = Date().timeIntervalSince(start)
            if seconds > 10 {
                print("too slow: \(file.path) took \(Int(seconds)) s")
                return 1
            }
        }
        print("\(target.name): \(count) file(s) read, none crashed")
        return 0
    }
}
