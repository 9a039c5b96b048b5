import OKRCore

// In tests, positions in the small fixtures are written as literals (`org.objectives[2]`,
// `AlignmentEdge(child: 2, parent: 0)`): the fixture's order is what the test is about. The library has
// no such conformance, so there an index can only come from its own table. The same conformances are
// declared in OKRCoreTests, which does not depend on this target.

extension ObjectiveIndex: ExpressibleByIntegerLiteral {
    /// The objective at the literal's position.
    public init(integerLiteral value: Int) { self.init(value) }
}

extension TeamIndex: ExpressibleByIntegerLiteral {
    /// The team at the literal's position.
    public init(integerLiteral value: Int) { self.init(value) }
}

extension PeriodIndex: ExpressibleByIntegerLiteral {
    /// The period at the literal's position.
    public init(integerLiteral value: Int) { self.init(value) }
}

extension KeyResultIndex: ExpressibleByIntegerLiteral {
    /// The key result at the literal's position.
    public init(integerLiteral value: Int) { self.init(value) }
}
