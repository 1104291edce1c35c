#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// The C library's mathematics, without Foundation.

func log(_ x: Double) -> Double {
    #if canImport(Darwin)
        Darwin.log(x)
    #elseif canImport(Musl)
        Musl.log(x)
    #else
        Glibc.log(x)
    #endif
}

func exp(_ x: Double) -> Double {
    #if canImport(Darwin)
        Darwin.exp(x)
    #elseif canImport(Musl)
        Musl.exp(x)
    #else
        Glibc.exp(x)
    #endif
}

func pow(_ x: Double, _ y: Double) -> Double {
    #if canImport(Darwin)
        Darwin.pow(x, y)
    #elseif canImport(Musl)
        Musl.pow(x, y)
    #else
        Glibc.pow(x, y)
    #endif
}

func lgamma(_ x: Double) -> Double {
    #if canImport(Darwin)
        Darwin.lgamma(x)
    #elseif canImport(Musl)
        Musl.lgamma(x)
    #else
        Glibc.lgamma(x)
    #endif
}
