public import StepCareCore

extension Registry {
    /// The registry of every instrument and pathway module listed in Package.swift.
    ///
    /// - Throws: ``RegistryError`` when a built-in module fails a definition check; a build that
    ///   ships such a module is broken, and the executable refuses to start.
    public static func builtIn() throws(RegistryError) -> Registry {
        try Registry(
            instruments: GeneratedModules.instrumentModules.flatMap { $0.instruments },
            pathways: GeneratedModules.pathwayModules.flatMap { $0.pathways })
    }
}
