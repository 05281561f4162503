import Engine
import Formats
import Lab
import TUI

/// The Materials pane: the workspace's recipes on the left; on the right the weigh-out sheet of
/// the recipe under the cursor at the batch mass, its verdicts, steps and heat-treatment plot.
/// The batch mass is typed like a person writes it (`2g`, `500 mg`); every keystroke rescales
/// the table, and text that is not a mass shows its error instead of a number.
public struct MaterialsPane: Pane {
  public typealias Action = MaterialsPaneAction
  /// Which half of the pane the movement keys act on.
  public enum Focus: Hashable, Sendable {
    case list
    case sheet
  }

  public static let paneID = "materials"
  public let id = MaterialsPane.paneID
  public let title = "Materials"
  public private(set) var lab: LabWorkspace
  /// Index of the recipe under the cursor.
  public private(set) var cursor = 0
  public private(set) var focus = Focus.list
  /// The committed batch mass, g.
  public private(set) var batchGrams: Double
  /// The mass field while it is being edited.
  public private(set) var massField: TextInput?
  /// Why the text in the mass field is not a mass (nil while it reads as one).
  public private(set) var massError: String?
  /// The mass the field reads as while editing, g: the sheet follows it live.
  public private(set) var previewGrams: Double?
  /// Wrapped rows of the sheet's text skipped at the top.
  public private(set) var sheetScroll = 0
  /// Whether `lab` holds the workspace's files yet (they are read by a job on first focus).
  public internal(set) var loaded: Bool
  private var loading = false

  /// The batch mass a pane opens with, g (the study's 2 g LPSC batch).
  public static let defaultBatchGrams = 2.0

  /// A pane showing `lab` (already read).
  public init(lab: LabWorkspace, batchGrams: Double = MaterialsPane.defaultBatchGrams) {
    self.lab = lab
    self.loaded = true
    self.batchGrams = batchGrams
  }

  public var capturesInput: Bool { massField != nil }

  /// Syntheses first, then composites (made from them), each group in file order: the list
  /// reads in the order the lab works.
  public var recipes: [Recipe] {
    let all = lab.recipes.recipes
    return all.filter { !$0.isComposite } + all.filter(\.isComposite)
  }

  public var selectedRecipe: Recipe? { recipes.indices.contains(cursor) ? recipes[cursor] : nil }

  /// The mass the sheet shows: the one being typed when it reads as a mass, else the batch mass.
  public var shownGrams: Double { previewGrams ?? batchGrams }

  /// The sheet of the recipe under the cursor at `shownGrams`; a recipe that cannot be scaled
  /// (a composite naming a missing recipe, an unbalanceable product) gives its error.
  public var sheet: Result<RecipeSheet, InputError>? {
    guard let recipe = selectedRecipe else { return nil }
    do {
      return .success(try lab.sheet(for: recipe, grams: shownGrams))
    } catch let error as InputError {
      return .failure(error.inFile(recipe.file ?? recipe.name))
    } catch {
      return .failure(InputError("\(error)", file: recipe.file ?? recipe.name))
    }
  }

  public func binding(for action: Action) -> KeyBinding {
    switch action {
    case .down: return KeyBinding(action, keys: [.character("j"), .down], description: focus == .list ? "next recipe" : "scroll down")
    case .up: return KeyBinding(action, keys: [.character("k"), .up], description: focus == .list ? "previous recipe" : "scroll up")
    case .open: return KeyBinding(action, keys: [.enter], description: "open the sheet", showsInHints: focus == .list)
    case .back: return KeyBinding(action, keys: [.escape], description: "back to the list", showsInHints: focus == .sheet)
    case .editMass: return KeyBinding(action, keys: [.character("e"), .character("m")], description: "batch mass")
    case .pageDown: return KeyBinding(action, keys: [.pageDown], description: "scroll the sheet down", showsInHints: false)
    case .pageUp: return KeyBinding(action, keys: [.pageUp], description: "scroll the sheet up", showsInHints: false)
    }
  }

  public mutating func handle(_ event: PaneEvent) -> [Effect] {
    switch event {
    case .key(let key):
      return massField == nil ? [] : edit(key)
    case .focused:
      guard loaded else {
        guard !loading else { return [] }
        loading = true
        return [.startJob(.materials(.loadWorkspace)), .render]
      }
      return lab.errorStatus.map { [$0] } ?? []
    case .jobFinished(.materials(.loadWorkspace, let result)):
      loading = false
      switch result {
      case .success(let workspace):
        lab = workspace
        loaded = true
        cursor = min(cursor, max(0, recipes.count - 1))
        return [.render] + (lab.errorStatus.map { [$0] } ?? [])
      case .failure(let failure):
        return [.status(.error("reading the workspace: \(failure.message)"))]
      }
    case .fileChanged(let path):
      guard LabWorkspace.isLabFile(path) else { return [] }
      return [.loadFile(path: path, pane: id)]
    case .fileLoaded(let path, let result):
      return reload(path: path, result: result)
    case .tick, .fileAppended, .filesWritten, .processFinished, .workspaceFiles, .jobProgress, .jobFinished:
      return []
    }
  }

  public mutating func perform(_ action: Action) -> [Effect] {
    switch action {
    case .down, .up:
      let moved = ListDetailNavigation.move(
        action == .down ? 1 : -1, listHasFocus: focus == .list, count: recipes.count,
        cursor: &cursor, detailScroll: &sheetScroll)
      return moved ? [.render] : []
    case .pageDown, .pageUp:
      ListDetailNavigation.page(down: action == .pageDown, detailScroll: &sheetScroll)
      return [.render]
    case .open:
      guard focus == .list, selectedRecipe != nil else { return [] }
      focus = .sheet
      return [.render]
    case .back:
      guard focus == .sheet else { return [] }
      focus = .list
      return [.render]
    case .editMass:
      guard selectedRecipe != nil else { return [.status(.error("no recipe to scale: the workspace has no recipes/ files"))] }
      massField = TextInput(text: LabFormat.number(batchGrams, digits: 6) + " g", prompt: "Batch mass: ")
      massError = nil
      previewGrams = nil
      return [.render]
    }
  }

  /// A key for the mass field: every edit rescales the sheet when the text reads as a mass.
  private mutating func edit(_ key: Key) -> [Effect] {
    guard var field = massField else { return [] }
    switch field.handle(key) {
    case .edited:
      massField = field
      validate(field.text)
      return [.render]
    case .moved:
      massField = field
      return [.render]
    case .submitted(let text):
      do {
        batchGrams = try MassText.grams(text)
        massField = nil
        massError = nil
        previewGrams = nil
        return [.status(StatusMessage("batch mass \(LabFormat.mass(grams: batchGrams))"))]
      } catch {
        massField = field
        validate(text)
        return [.status(.error("batch mass: \(massError ?? "\(error)")"))]
      }
    case .cancelled:
      massField = nil
      massError = nil
      previewGrams = nil
      return [.render]
    case .rejected(let message):
      massError = message
      return [.render]
    case .ignored:
      return []
    }
  }

  private mutating func validate(_ text: String) {
    do {
      previewGrams = try MassText.grams(text)
      massError = nil
    } catch let error as InputError {
      massError = error.message
    } catch {
      massError = "\(error)"
    }
  }

  private mutating func reload(path: String, result: Result<String, EffectFailure>) -> [Effect] {
    guard LabWorkspace.isLabFile(path) else { return [] }
    let name = selectedRecipe?.name
    let status = lab.reload(path: path, result: result)
    cursor = name.flatMap { n in recipes.firstIndex { $0.name == n } } ?? min(cursor, max(0, recipes.count - 1))
    return [status]
  }
}

extension Recipe {
  var isComposite: Bool {
    if case .composite = kind { return true }
    return false
  }
}
