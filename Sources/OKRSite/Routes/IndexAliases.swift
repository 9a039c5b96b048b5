// Temporary: the typed indices land from the typed-indices branch; until then they are Ints.
public typealias ObjectiveIndex = Int
public typealias TeamIndex = Int
public typealias PeriodIndex = Int
public typealias KeyResultIndex = Int
public typealias PersonIndex = Int
