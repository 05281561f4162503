import Engine
import Foundation
import Workbench

/// The Simulation pane's frame from a snapshot's preview file, when one is beside it and holds
/// exactly the grid the pane asked for (the same reduction `SimulationRunReading.fullFrame`
/// applies to the checkpoint), so watching a 1024² run reads ~1 MB per snapshot instead of
/// inflating 45 MB.
enum SnapshotPreviewReading {
  enum Outcome {
    case frame(SnapshotFrame)
    /// No preview beside the snapshot (older runs): decode the checkpoint.
    case absent
    /// A preview is there but cannot stand in for the checkpoint; why, with file and byte.
    case unusable(String)
  }

  static func frame(run: String, snapshot: String, maxColumns: Int, maxRows: Int, workspace: String) -> Outcome {
    let path = SimulationPane.filePath(RunFolder.fieldsDirectory + "/" + SnapshotPreview.fileName(forSnapshot: snapshot), in: run)
    let url = WorkspaceFileWalk.url(path, workspace: workspace)
    guard let data = try? Data(contentsOf: url) else { return .absent }
    let preview: SnapshotPreview
    do {
      preview = try data.withUnsafeBytes { try SnapshotPreview.decode($0, fileName: path) }
    } catch {
      return .unusable("\(error)")
    }
    let wanted = SnapshotPreview.reducedSize(nx: preview.sourceColumns, ny: preview.sourceRows, maxColumns: maxColumns,
                                             maxRows: maxRows)
    // A view asking for another grid (finer than the preview) is served by the checkpoint.
    guard wanted.columns == preview.columns, wanted.rows == preview.rows else { return .absent }
    let fields = preview.fields.map { SnapshotFrameField(field: SnapshotField.named($0.name), values: $0.values.map(Double.init)) }
    return .frame(SnapshotFrame(run: run, snapshot: snapshot, sourceColumns: preview.sourceColumns, sourceRows: preview.sourceRows,
                                columns: preview.columns, rows: preview.rows, spacingX: preview.spacingX,
                                spacingY: preview.spacingY, originX: preview.originX, originY: preview.originY,
                                fields: fields, time: preview.time, fromPreview: true))
  }
}
