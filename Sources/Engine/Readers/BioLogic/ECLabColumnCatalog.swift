/// The binary encoding of one value in an `.mpr` data record.
enum ECLabValueType: Sendable {
  case float32, float64, uint8, uint16, uint32

  var byteWidth: Int {
    switch self {
    case .float32, .uint32: return 4
    case .float64: return 8
    case .uint8: return 1
    case .uint16: return 2
    }
  }
}

/// What EC-Lab's column ids in the `.mpr` data module mean. The ids are undocumented; this table
/// records what has been established by comparing `.mpr` files with their `.mpt` exports (the
/// galvani project's reverse engineering, checked here on the fixture pair). Names are those the
/// `.mpt` header uses, so a table reads the same from either file.
enum ECLabColumnCatalog {
  struct Entry: Sendable {
    let name: String
    let type: ECLabValueType
  }

  /// Ids whose values are bits of one shared flags byte (placed where the first of them appears):
  /// name and bit mask.
  static let flagColumns: [Int: (name: String, mask: UInt8)] = [
    1: ("mode", 0x03), 2: ("ox/red", 0x04), 3: ("error", 0x08),
    21: ("control changes", 0x10), 31: ("Ns changes", 0x20), 65: ("counter inc.", 0x80),
  ]

  static func entry(_ id: Int) -> Entry? {
    guard let (name, type) = table[id] else { return nil }
    return Entry(name: name, type: type)
  }

  private static let table: [Int: (String, ECLabValueType)] = [
    4: ("time/s", .float64), 5: ("control/V/mA", .float32), 6: ("Ewe/V", .float32),
    7: ("dq/mA.h", .float64), 8: ("I/mA", .float32), 9: ("Ece/V", .float32),
    11: ("<I>/mA", .float64), 13: ("(Q-Qo)/mA.h", .float64), 16: ("Analog IN 1/V", .float32),
    17: ("Analog IN 2/V", .float32), 19: ("control/V", .float32), 20: ("control/mA", .float32),
    23: ("dQ/mA.h", .float64), 24: ("cycle number", .float64), 26: ("Rapp/Ohm", .float32),
    27: ("Ewe-Ece/V", .float32), 32: ("freq/Hz", .float32), 33: ("|Ewe|/V", .float32),
    34: ("|I|/A", .float32), 35: ("Phase(Z)/deg", .float32), 36: ("|Z|/Ohm", .float32),
    37: ("Re(Z)/Ohm", .float32), 38: ("-Im(Z)/Ohm", .float32), 39: ("I Range", .uint16),
    69: ("R/Ohm", .float32), 70: ("P/W", .float32), 74: ("|Energy|/W.h", .float64),
    75: ("Analog OUT/V", .float32), 76: ("<I>/mA", .float32), 77: ("<Ewe>/V", .float32),
    78: ("Cs-2/µF-2", .float32), 96: ("|Ece|/V", .float32), 98: ("Phase(Zce)/deg", .float32),
    99: ("|Zce|/Ohm", .float32), 100: ("Re(Zce)/Ohm", .float32), 101: ("-Im(Zce)/Ohm", .float32),
    123: ("Energy charge/W.h", .float64), 124: ("Energy discharge/W.h", .float64),
    125: ("Capacitance charge/µF", .float64), 126: ("Capacitance discharge/µF", .float64),
    131: ("Ns", .uint16), 163: ("|Estack|/V", .float32), 168: ("Rcmp/Ohm", .float32),
    169: ("Cs/µF", .float32), 172: ("Cp/µF", .float32), 173: ("Cp-2/µF-2", .float32),
    174: ("<Ewe>/V", .float32), 178: ("(Q-Qo)/C", .float32), 179: ("dQ/C", .float32),
    211: ("Q charge/discharge/mA.h", .float64), 212: ("half cycle", .uint32),
    213: ("z cycle", .uint32), 217: ("THD Ewe/%", .float32), 218: ("THD I/%", .float32),
    220: ("NSD Ewe/%", .float32), 221: ("NSD I/%", .float32), 223: ("NSR Ewe/%", .float32),
    224: ("NSR I/%", .float32), 230: ("|Ewe h2|/V", .float32), 231: ("|Ewe h3|/V", .float32),
    232: ("|Ewe h4|/V", .float32), 233: ("|Ewe h5|/V", .float32), 234: ("|Ewe h6|/V", .float32),
    235: ("|Ewe h7|/V", .float32), 236: ("|I h2|/A", .float32), 237: ("|I h3|/A", .float32),
    238: ("|I h4|/A", .float32), 239: ("|I h5|/A", .float32), 240: ("|I h6|/A", .float32),
    241: ("|I h7|/A", .float32), 242: ("|E2|/V", .float32), 271: ("Phase(Z1)/deg", .float32),
    272: ("Phase(Z2)/deg", .float32), 301: ("|Z1|/Ohm", .float32), 302: ("|Z2|/Ohm", .float32),
    331: ("Re(Z1)/Ohm", .float32), 332: ("Re(Z2)/Ohm", .float32), 361: ("-Im(Z1)/Ohm", .float32),
    362: ("-Im(Z2)/Ohm", .float32), 391: ("<E1>/V", .float32), 392: ("<E2>/V", .float32),
    422: ("Phase(Zstack)/deg", .float32), 423: ("|Zstack|/Ohm", .float32),
    424: ("Re(Zstack)/Ohm", .float32), 425: ("-Im(Zstack)/Ohm", .float32),
    426: ("<Estack>/V", .float32), 430: ("Phase(Zwe-ce)/deg", .float32),
    431: ("|Zwe-ce|/Ohm", .float32), 432: ("Re(Zwe-ce)/Ohm", .float32),
    433: ("-Im(Zwe-ce)/Ohm", .float32), 434: ("(Q-Qo)/C", .float32), 435: ("dQ/C", .float32),
    438: ("step time/s", .float64), 441: ("<Ecv>/V", .float32), 462: ("Temperature/°C", .float32),
    467: ("Q charge/discharge/mA.h", .float64), 468: ("half cycle", .uint32),
    469: ("z cycle", .uint32), 471: ("<Ece>/V", .float32), 473: ("THD Ewe/%", .float32),
    474: ("THD I/%", .float32), 476: ("NSD Ewe/%", .float32), 477: ("NSD I/%", .float32),
    479: ("NSR Ewe/%", .float32), 480: ("NSR I/%", .float32), 486: ("|Ewe h2|/V", .float32),
    487: ("|Ewe h3|/V", .float32), 488: ("|Ewe h4|/V", .float32), 489: ("|Ewe h5|/V", .float32),
    490: ("|Ewe h6|/V", .float32), 491: ("|Ewe h7|/V", .float32), 492: ("|I h2|/A", .float32),
    493: ("|I h3|/A", .float32), 494: ("|I h4|/A", .float32), 495: ("|I h5|/A", .float32),
    496: ("|I h6|/A", .float32), 497: ("|I h7|/A", .float32), 498: ("Q charge/mA.h", .float64),
    499: ("Q discharge/mA.h", .float64), 500: ("step time/s", .float64),
    501: ("Efficiency/%", .float64), 502: ("Capacity/mA.h", .float64), 505: ("Rdc/Ohm", .float32),
    509: ("Acir/Dcir Control", .uint8),
  ]

  /// Technique ids of the settings module whose meaning the fixtures confirm.
  static let techniques: [Int: String] = [
    0x1D: "Potentio Electrochemical Impedance Spectroscopy",
  ]
}
