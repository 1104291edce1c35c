/// Numbers as tables show them, without Foundation's formatters.
package enum Numbers {
    /// `value` with exactly `places` decimal places (half away from zero); `–` for NaN.
    package static func fixed(_ value: Double, _ places: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "-∞") }
        var factor = 1.0
        for _ in 0..<places { factor *= 10 }
        let scaled = (abs(value) * factor).rounded()
        guard scaled < 9e15 else { return "\(value)" }
        let digits = String(Int(scaled))
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        let sign = value < 0 && scaled > 0 ? "-" : ""
        guard places > 0 else { return sign + padded }
        return sign + padded.dropLast(places) + "." + padded.suffix(places)
    }

    /// A whole number with thousands separators: 1,234,567.
    package static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// A rate with an SI-style suffix: 12.3 M, 45.6 k.
    package static func compact(_ value: Double) -> String {
        switch value {
        case 1e9...: fixed(value / 1e9, 1) + " G"
        case 1e6...: fixed(value / 1e6, 1) + " M"
        case 1e3...: fixed(value / 1e3, 1) + " k"
        default: fixed(value, 0)
        }
    }

    /// A parameter as tables show it: whole numbers without a decimal point; `–` for NaN.
    package static func plain(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    package func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
