import OKRCore

/// Swift Testing also has a `SourceLocation`; in these tests the name means okrportal's.
typealias SourceLocation = OKRCore.SourceLocation
