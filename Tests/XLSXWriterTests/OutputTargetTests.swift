import Foundation
import ICTIndexTestSupport
import Testing
import XLSXWriter

/// The temporary files beside the target: a killed writer's are removed by the next write, a live one's are not.
@Suite struct OutputTargetTests {
    @Test("the next write removes the temporary files of dead writers, and keeps those of live ones")
    func staleTemporaryFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // Given a finished process (its PID is gone) and a live one (this test's parent), each with a
        // leftover temporary file of x.xlsx, and one of another target
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = ".x.xlsx.tmp-\(finished.processIdentifier)-1a2b"
        let live = ".x.xlsx.tmp-\(getppid())-3c4d"
        let other = ".y.xlsx.tmp-\(finished.processIdentifier)-5e6f"
        for name in [dead, live, other] {
            #expect(FileManager.default.createFile(atPath: directory.file(name).path, contents: Data("PK".utf8)))
        }
        // When x.xlsx is written
        try XLSXWriter.write(Spreadsheet(sheets: [Sheet(name: "A")]), to: directory.file("x.xlsx"))
        // Then the dead writer's file is gone; the live writer's and the other target's stay
        #expect(try directory.contents().sorted() == [live, other, "x.xlsx"].sorted())
    }
}
