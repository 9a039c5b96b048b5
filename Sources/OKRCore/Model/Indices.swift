/// A position in one of the organisation's tables; each table has its own type, so a team's index cannot
/// be used for an objective.
///
/// The model keeps objectives, teams, periods and key results in arrays and refers to them by position
/// (cheap to store by the million, cheap to look up). As bare `Int`s those positions were
/// interchangeable and `url(team:)` accepted a period; as typed indices the compiler tells them apart.
/// Conversions to and from `Int` (``raw``, ``init(_:)``) belong at the boundaries only: where a table is
/// built, and where output needs the number (an element id such as `status-0`).
public protocol TypedIndex: Hashable, Comparable, Strideable, Sendable, CustomStringConvertible
where Stride == Int {
    /// The index of position `raw` in its table.
    init(_ raw: Int)
    /// The position as a plain integer.
    var raw: Int { get }
}

extension TypedIndex {
    /// Compares positions.
    @inlinable public static func < (a: Self, b: Self) -> Bool { a.raw < b.raw }
    /// Whether two indices are the same position (spelt out so that `Strideable`'s `==`, which goes
    /// through `distance(to:)`, is not picked).
    @inlinable public static func == (a: Self, b: Self) -> Bool { a.raw == b.raw }
    /// Hashes the position.
    @inlinable public func hash(into hasher: inout Hasher) { hasher.combine(raw) }
    /// The number of positions from `self` to `other`.
    @inlinable public func distance(to other: Self) -> Int { other.raw - raw }
    /// The index `n` positions further on.
    @inlinable public func advanced(by n: Int) -> Self { Self(raw + n) }
    /// The type's name and the position (`ObjectiveIndex(3)`): never just the number, so that an index
    /// interpolated into output by mistake shows instead of passing for an id.
    public var description: String { "\(Self.self)(\(raw))" }
}

/// The position of an objective in ``Organisation/objectives`` (sorted by path).
public struct ObjectiveIndex: TypedIndex {
    /// The position as a plain integer.
    public let raw: Int
    /// The objective at position `raw`.
    @inlinable public init(_ raw: Int) { self.raw = raw }
}

/// The position of a team in ``TeamTree/teams`` (file order).
public struct TeamIndex: TypedIndex {
    /// The position as a plain integer.
    public let raw: Int
    /// The team at position `raw`.
    @inlinable public init(_ raw: Int) { self.raw = raw }
}

/// The position of a period in ``SiteConfig/periods`` and ``Organisation/periods`` (configured order).
public struct PeriodIndex: TypedIndex {
    /// The position as a plain integer.
    public let raw: Int
    /// The period at position `raw`.
    @inlinable public init(_ raw: Int) { self.raw = raw }
}

/// The position of a key result in its objective's ``Objective/keyResults`` (file order).
public struct KeyResultIndex: TypedIndex {
    /// The position as a plain integer.
    public let raw: Int
    /// The key result at position `raw`.
    @inlinable public init(_ raw: Int) { self.raw = raw }
}

/// An array indexed by a typed index: `objectives[o]` takes an ``ObjectiveIndex``, never an `Int`.
///
/// A plain `Array` underneath (``elements``), with the same cost: every accessor is inlinable, so the
/// wrapper disappears in optimised builds across modules. Mutation in place (`objectives[o].title = …`)
/// goes through `_modify`, so it does not copy the element.
public struct IndexedArray<Index: TypedIndex, Element>: RandomAccessCollection, MutableCollection,
    ExpressibleByArrayLiteral
{
    /// The elements in position order.
    public var elements: [Element]

    /// A table of `elements`, the first at position 0.
    @inlinable public init(_ elements: [Element]) { self.elements = elements }

    /// A table of the elements of `sequence`, in order.
    @inlinable public init<S: Sequence>(_ sequence: S) where S.Element == Element { elements = Array(sequence) }

    /// An empty table.
    @inlinable public init() { elements = [] }

    /// A table of `count` copies of `element`.
    @inlinable public init(repeating element: Element, count: Int) {
        elements = Array(repeating: element, count: count)
    }

    /// A table of the literal's elements.
    @inlinable public init(arrayLiteral elements: Element...) { self.elements = elements }

    /// Position 0.
    @inlinable public var startIndex: Index { Index(0) }

    /// The position after the last element.
    @inlinable public var endIndex: Index { Index(elements.count) }

    /// Every position, first to last: `for o in org.objectives.indices`.
    @inlinable public var indices: Range<Index> { startIndex..<endIndex }

    /// The number of elements.
    @inlinable public var count: Int { elements.count }

    /// Whether the table is empty.
    @inlinable public var isEmpty: Bool { elements.isEmpty }

    /// The position after `i`.
    @inlinable public func index(after i: Index) -> Index { Index(i.raw + 1) }

    /// The position before `i`.
    @inlinable public func index(before i: Index) -> Index { Index(i.raw - 1) }

    /// The position `distance` away from `i`.
    @inlinable public func index(_ i: Index, offsetBy distance: Int) -> Index { Index(i.raw + distance) }

    /// The number of positions from `start` to `end`.
    @inlinable public func distance(from start: Index, to end: Index) -> Int { end.raw - start.raw }

    /// The element at `position`.
    @inlinable public subscript(position: Index) -> Element {
        get { elements[position.raw] }
        _modify { yield &elements[position.raw] }
    }

    /// Adds an element at the end; its position is the old ``count``.
    @inlinable public mutating func append(_ element: Element) { elements.append(element) }

    /// Reserves room for `minimumCapacity` elements.
    @inlinable public mutating func reserveCapacity(_ minimumCapacity: Int) {
        elements.reserveCapacity(minimumCapacity)
    }

    /// Each position with its element, first to last: `for (k, kr) in objective.keyResults.indexed()`.
    @inlinable public func indexed() -> Zip2Sequence<Range<Index>, [Element]> { zip(indices, elements) }

    /// A table with the same positions holding `transform` of each element (`map` returns an `Array`).
    @inlinable public func mapIndexed<T>(_ transform: (Element) throws -> T) rethrows -> IndexedArray<Index, T> {
        IndexedArray<Index, T>(try elements.map(transform))
    }
}

extension IndexedArray: Sendable where Element: Sendable {}

extension IndexedArray: Equatable where Element: Equatable {}

extension IndexedArray: Hashable where Element: Hashable {}

extension IndexedArray: CustomStringConvertible {
    /// The elements as an array prints them.
    public var description: String { elements.description }
}
