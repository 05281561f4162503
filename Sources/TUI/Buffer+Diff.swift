/// A cell that changed between two frames.
public struct CellChange: Hashable, Sendable {
  public var x: Int
  public var y: Int
  public var cell: Cell
  public init(x: Int, y: Int, cell: Cell) {
    self.x = x
    self.y = y
    self.cell = cell
  }
}

extension Buffer {
  /// The cells of `self` that differ from `previous`, in row-major order. When the areas differ
  /// (a resize) every cell of `self` is returned: the backend must repaint.
  public func diff(from previous: Buffer) -> [CellChange] {
    var changes: [CellChange] = []
    if previous.area != area {
      changes.reserveCapacity(cells.count)
      for (i, cell) in cells.enumerated() {
        changes.append(CellChange(x: area.x + i % max(1, area.width), y: area.y + i / max(1, area.width), cell: cell))
      }
      return changes
    }
    let width = max(1, area.width)
    previous.cells.withUnsafeBufferPointer { old in
      cells.withUnsafeBufferPointer { new in
        for i in 0..<new.count where new[i] != old[i] {
          changes.append(CellChange(x: area.x + i % width, y: area.y + i / width, cell: new[i]))
        }
      }
    }
    return changes
  }
}
