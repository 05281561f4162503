import Engine
import Foundation
import Lab
import Workbench

/// Performs the panes' jobs: the one place that maps a job value to its work. Jobs that need the
/// workspace's files are done here (read, then parsed by Engine's and Lab's readers, handing
/// back typed values); compute jobs go to the pure functions their pane names.
struct PaneJobRunner: Sendable {
  let workspace: String

  /// Does `job` on the calling thread (a worker's) and pairs it with its result.
  func perform(_ job: PaneJob, context: JobContext) -> PaneJobResult {
    let workspace = self.workspace
    switch job {
    case .materials(let lab):
      return .materials(lab, context.outcome { try WorkspaceFiles.load(workspace: workspace) })
    case .assembly(let lab):
      return .assembly(lab, context.outcome { try WorkspaceFiles.load(workspace: workspace) })
    case .impedance(.readFiles(let paths)):
      return .impedance(.readFiles(paths: paths), context.outcome {
        .files(try ImpedanceFileReading.read(paths, workspace: workspace, context: context))
      })
    case .impedance(.loadLab):
      return .impedance(.loadLab, context.outcome { .lab(try WorkspaceFiles.load(workspace: workspace)) })
    case .impedance(let compute):
      return .impedance(compute, context.outcome {
        guard let result = try compute.computed(context: context) else {
          throw EffectFailure("the runtime has no work for \(compute)")
        }
        return result
      })
    case .cycling(.loadLab):
      return .cycling(.loadLab, context.outcome { .lab(try WorkspaceFiles.load(workspace: workspace)) })
    case .cycling(.analyse(let paths, let area)):
      return .cycling(.analyse(paths: paths, area: area), context.outcome {
        .analysed(try CyclingFileReading.read(paths, area: area, workspace: workspace, context: context))
      })
    case .spectra(.readFiles(let paths)):
      return .spectra(.readFiles(paths: paths), context.outcome {
        .files(try SpectraFileReading.read(paths, workspace: workspace, context: context))
      })
    case .spectra(.loadPhases(let lambda, let top)):
      return .spectra(.loadPhases(wavelength: lambda, twoThetaMax: top), context.outcome {
        .phases(wavelength: lambda, try SpectraPhaseLoading.load(wavelength: lambda, twoThetaMax: top, workspace: workspace, context: context))
      })
    case .spectra(let compute):
      return .spectra(compute, context.outcome {
        guard let result = try compute.computed(context: context) else {
          throw EffectFailure("the runtime has no work for \(compute)")
        }
        return result
      })
    case .simulation(let simulation):
      return .simulation(simulation, context.outcome {
        try SimulationRunReading.perform(simulation, workspace: workspace, context: context)
      })
    }
  }
}
