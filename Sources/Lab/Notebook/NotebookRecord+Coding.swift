import Foundation

/// A notebook line that is JSON but not a valid record: what is wrong, for the error at its line.
struct NotebookRecordProblem: Error, CustomStringConvertible {
  var description: String
}

extension NotebookRecord {
  /// Reads a record, checking what the synthesised decoder cannot: a step number of at least 1,
  /// non-negative finite times, positive finite dimensions, non-empty data-file patterns.
  /// Keys written by older versions (no cell, no data files) read as before.
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    time = try c.decode(String.self, forKey: .time)
    protocolID = try c.decode(String.self, forKey: .protocolID)
    step = try c.decode(Int.self, forKey: .step)
    title = try c.decode(String.self, forKey: .title)
    note = try c.decodeIfPresent(String.self, forKey: .note)
    deviations = try c.decodeIfPresent([String].self, forKey: .deviations) ?? []
    elapsedSeconds = try c.decodeIfPresent(Double.self, forKey: .elapsedSeconds)
    cell = try c.decodeIfPresent(String.self, forKey: .cell)
    dataFiles = try c.decodeIfPresent([String].self, forKey: .dataFiles) ?? []
    thicknessMicrometres = try c.decodeIfPresent(Double.self, forKey: .thicknessMicrometres)
    diameterMillimetres = try c.decodeIfPresent(Double.self, forKey: .diameterMillimetres)
    withdrawsStep = try c.decodeIfPresent(Int.self, forKey: .withdrawsStep)
    guard step >= 1 else { throw NotebookRecordProblem(description: "\"step\" must be 1 or more, found \(step)") }
    if let withdrawsStep, withdrawsStep < 1 {
      throw NotebookRecordProblem(description: "\"withdraws_step\" must be 1 or more, found \(withdrawsStep)")
    }
    if let elapsedSeconds, !(elapsedSeconds >= 0 && elapsedSeconds.isFinite) {
      throw NotebookRecordProblem(description: "\"elapsed_s\" must be a non-negative number of seconds, found \(elapsedSeconds)")
    }
    for (key, value) in [("thickness_um", thicknessMicrometres), ("diameter_mm", diameterMillimetres)] {
      if let value, !(value > 0 && value.isFinite) {
        throw NotebookRecordProblem(description: "\"\(key)\" must be a positive number, found \(value)")
      }
    }
    if let cell, cell.trimmingCharacters(in: .whitespaces).isEmpty {
      throw NotebookRecordProblem(description: "\"cell\" is empty")
    }
    if let blank = dataFiles.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
      throw NotebookRecordProblem(description: "\"data_files\" entry \(blank + 1) is empty")
    }
  }

  /// Writes the keys a record has: optional ones only when set, so a record without cell data
  /// reads exactly as an older one.
  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(time, forKey: .time)
    try c.encode(protocolID, forKey: .protocolID)
    try c.encode(step, forKey: .step)
    try c.encode(title, forKey: .title)
    try c.encodeIfPresent(note, forKey: .note)
    try c.encode(deviations, forKey: .deviations)
    try c.encodeIfPresent(elapsedSeconds, forKey: .elapsedSeconds)
    try c.encodeIfPresent(cell, forKey: .cell)
    if !dataFiles.isEmpty { try c.encode(dataFiles, forKey: .dataFiles) }
    try c.encodeIfPresent(thicknessMicrometres, forKey: .thicknessMicrometres)
    try c.encodeIfPresent(diameterMillimetres, forKey: .diameterMillimetres)
    try c.encodeIfPresent(withdrawsStep, forKey: .withdrawsStep)
  }
}
