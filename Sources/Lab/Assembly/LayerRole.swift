/// What a layer does in the cell.
public enum LayerRole: String, Sendable, Hashable, CaseIterable, Codable {
  case electrolyte
  case interlayer
  case cathode
  case anode
  case electrode
  case currentCollector = "current_collector"
}

/// Where a new layer goes in the stack being built.
public enum StackPosition: String, Sendable, Hashable {
  case top
  case bottom
}
