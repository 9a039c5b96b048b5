/// A value of a view computed the first time a template reads it and kept for the rest of the page:
/// a chart that a template tests (`{{#has_burnup}}`) and then places (`{{{burnup}}}`) is drawn once.
///
/// A page renders on one thread, so the value needs no lock; views never cross threads while they
/// render.
final class Lazy<Value> {
    private var value: Value?
    private let make: () -> Value

    /// A value made by `make` when first asked for.
    init(_ make: @escaping () -> Value) { self.make = make }

    /// The value, made now if it was not yet.
    var get: Value {
        if let value { return value }
        let made = make()
        value = made
        return made
    }
}
