import Foundation

@testable import Lab

/// The repository's Examples/ folder, found from this test file's location.
enum ExampleFiles {
  static var root: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Examples").path
  }

  static func recipes() throws -> RecipeLibrary {
    try WorkspaceFiles.recipes(workspace: root)
  }
}
