/// Small drawing primitives for the dashboard's inline SVG, with the standard library only: escaping, numbers
/// that are never NaN or infinite in an attribute, and the legend every chart shares.
package enum SVG {
    /// The Okabe–Ito palette, told apart with the common colour-vision deficiencies; yellow last, as it is faint
    /// on white.
    package static let palette = [
        "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442",
    ]
    /// Axes, grid lines, reference lines and suppressed cells.
    package static let grey = "#888888"

    /// The `index`th colour of the palette, wrapping round.
    package static func colour(_ index: Int) -> String { palette[index % palette.count] }

    /// `text` safe as HTML or SVG element content and inside a quoted attribute.
    package static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A coordinate or length for an attribute, to one decimal place; 0 for anything not finite.
    package static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return Numbers.fixed(min(max(value, -1e6), 1e6), 1)
    }

    /// A `<text>` element at (`x`, `y`); `anchor` is `start`, `middle` or `end`.
    package static func text(
        _ content: String, x: Double, y: Double, anchor: String = "middle", fill: String = "#333333",
        extra: String = ""
    ) -> String {
        #"<text x="\#(number(x))" y="\#(number(y))" text-anchor="\#(anchor)" fill="\#(fill)"\#(extra)>"#
            + escape(content) + "</text>"
    }

    /// A straight `<line>` from (`x1`, `y1`) to (`x2`, `y2`).
    package static func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1,
        dashed: Bool = false, opacity: Double = 1
    ) -> String {
        let dash = dashed ? #" stroke-dasharray="6 4""# : ""
        let faint = opacity < 1 ? #" stroke-opacity="\#(number(opacity))""# : ""
        return #"<line x1="\#(number(x1))" y1="\#(number(y1))" x2="\#(number(x2))" y2="\#(number(y2))" "#
            + #"stroke="\#(stroke)" stroke-width="\#(number(width))"\#(dash)\#(faint)/>"#
    }

    /// A `<rect>`; a negative width or height is turned round so the rectangle is still drawn.
    package static func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, tooltip: String? = nil
    ) -> String {
        let left = width < 0 ? x + width : x
        let top = height < 0 ? y + height : y
        let size = #"width="\#(number(abs(width)))" height="\#(number(abs(height)))""#
        let start = #"<rect x="\#(number(left))" y="\#(number(top))" \#(size) fill="\#(fill)""#
        guard let tooltip else { return start + "/>" }
        return start + "><title>" + escape(tooltip) + "</title></rect>"
    }

    /// One key of a legend: a line (dashed or not) or a filled square, and what it stands for.
    package struct Key {
        enum Mark { case line, dashed, bar }
        var label: String
        var colour: String
        var mark: Mark
        var opacity: Double = 1
    }

    /// A legend flowing left to right from (`left`, `top`) and wrapping at `right`; returns the markup and the
    /// y just below it.
    package static func legend(
        _ keys: [Key], left: Double, top: Double, right: Double
    ) -> (markup: String, bottom: Double) {
        var markup = ""
        var x = left
        var y = top
        for key in keys {
            let width = 26 + 6.2 * Double(key.label.count) + 16
            if x > left, x + width > right {
                x = left
                y += 18
            }
            switch key.mark {
            case .bar: markup += rect(x: x, y: y - 9, width: 18, height: 10, fill: key.colour)
            case .line, .dashed:
                markup += line(
                    x, y - 4, x + 18, y - 4, stroke: key.colour, width: 2.5, dashed: key.mark == .dashed,
                    opacity: key.opacity)
            }
            markup += text(key.label, x: x + 24, y: y, anchor: "start")
            x += width
        }
        return (markup, y + 8)
    }
}

/// A linear scale from `low...high` onto pixels `from...to`, widened to round tick steps.
package struct LinearScale {
    package var low: Double
    package var high: Double
    package var step: Double
    package var from: Double
    package var to: Double

    /// A scale covering `low...high` (widened to at least `atLeast` at the top) in about `ticks` round steps.
    package init(low: Double, high: Double, atLeast: Double = 1, from: Double, to: Double, ticks: Int = 5) {
        let top = max(high.isFinite ? high : 0, atLeast)
        let bottom = min(low.isFinite ? low : 0, top)
        step = LinearScale.roundStep((top - bottom) / Double(max(ticks, 1)))
        self.low = (bottom / step).rounded(.down) * step
        self.high = max((top / step).rounded(.up) * step, self.low + step)
        self.from = from
        self.to = to
    }

    /// The pixel of `value`.
    package func callAsFunction(_ value: Double) -> Double { from + (value - low) / (high - low) * (to - from) }

    /// The tick values, `low` to `high`.
    package var ticks: [Double] { stride(from: low, through: high + step / 1000, by: step).map { $0 } }

    /// A tick value as the axis shows it, with as many decimals as the step needs.
    package func label(_ value: Double) -> String {
        Numbers.fixed(value, step >= 1 && step == step.rounded() ? 0 : (step >= 0.1 ? 1 : 2))
    }

    /// 1, 2, 2.5 or 5 times a power of ten, at least `raw`.
    package static func roundStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 1e-9 else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        for factor in [1.0, 2.0, 2.5, 5.0] where magnitude * factor >= raw { return magnitude * factor }
        return magnitude * 10
    }
}

/// A chart with one band per category along x (the weeks) and a linear y axis; lines, bars and reference
/// lines are drawn in the order added, and ``svg(id:title:)`` adds the axes, the grid and the legend.
package struct CategoryChart {
    package static let width = 600.0
    package static let left = 64.0
    package static let right = 588.0
    package static let top = 14.0
    package static let bottom = 214.0

    package var categories: [String]
    package var y: LinearScale
    package var yTitle: String
    package var xTitle: String
    private var marks: [String] = []
    private var keys: [SVG.Key] = []
    private var drewData = false

    /// A chart over `categories` whose y axis covers every finite value of `values`, and 0 to `atLeast`.
    package init(categories: [String], values: [Double], atLeast: Double, yTitle: String, xTitle: String) {
        let finite = values.filter(\.isFinite)
        self.categories = categories
        y = LinearScale(
            low: min(finite.min() ?? 0, 0), high: finite.max() ?? 0, atLeast: atLeast, from: Self.bottom, to: Self.top)
        self.yTitle = yTitle
        self.xTitle = xTitle
    }

    /// The width of one category's band.
    package var band: Double { (Self.right - Self.left) / Double(max(categories.count, 1)) }

    /// The x of the middle of category `index`'s band.
    package func x(_ index: Int) -> Double { Self.left + (Double(index) + 0.5) * band }

    /// A line through the finite values, broken where a value is NaN, with a dot on every point.
    package mutating func line(
        _ values: [Double], label: String, colour: String, dashed: Bool = false, opacity: Double = 1
    ) {
        var runs: [[String]] = [[]]
        var dots = ""
        for (index, value) in values.enumerated() where index < categories.count {
            guard value.isFinite else {
                runs.append([])
                continue
            }
            let (cx, cy) = (SVG.number(x(index)), SVG.number(y(value)))
            runs[runs.count - 1].append(cx + "," + cy)
            dots += #"<circle cx="\#(cx)" cy="\#(cy)" r="3"/>"#
            drewData = true
        }
        let dash = dashed ? #" stroke-dasharray="6 4""# : ""
        let style = #"fill="none" stroke="\#(colour)" stroke-width="2.5" stroke-opacity="\#(SVG.number(opacity))""#
        for run in runs where run.count > 1 {
            marks.append(#"<polyline points="\#(run.joined(separator: " "))" \#(style)\#(dash)/>"#)
        }
        marks.append(#"<g fill="\#(colour)" fill-opacity="\#(SVG.number(opacity))">\#(dots)</g>"#)
        keys.append(SVG.Key(label: label, colour: colour, mark: dashed ? .dashed : .line, opacity: opacity))
    }

    /// Bars for the finite values, in position `slot` of `slots` side by side within each band; a zero is a
    /// hairline, so it differs from nothing measured.
    package mutating func bars(_ values: [Double], label: String, colour: String, slot: Int = 0, of slots: Int = 1) {
        let inner = band * 0.7
        let width = inner / Double(max(slots, 1))
        let base = y(max(y.low, 0))
        for (index, value) in values.enumerated() where index < categories.count && value.isFinite {
            let top = y(value)
            let height = abs(base - top) < 1 ? -1 : top - base
            let left = x(index) - inner / 2 + Double(slot) * width
            marks.append(
                SVG.rect(
                    x: left, y: base, width: width * 0.9, height: height, fill: colour,
                    tooltip: "\(categories[index]): \(Numbers.fixed(value, 1))"))
            drewData = true
        }
        keys.append(SVG.Key(label: label, colour: colour, mark: .bar))
    }

    /// A 95 % interval drawn as a whisker from `mean - halfWidth` to `mean + halfWidth` in each band where
    /// both are known, in position `slot` of `slots` like ``bars(_:label:colour:slot:of:)``.
    package mutating func whiskers(
        _ means: [Double], _ halfWidths: [Double?], colour: String, slot: Int = 0, of slots: Int = 1
    ) {
        let inner = band * 0.7
        let width = inner / Double(max(slots, 1))
        for (index, mean) in means.enumerated() where index < categories.count && mean.isFinite {
            guard let halfWidth = halfWidths[safe: index] ?? nil, halfWidth.isFinite else { continue }
            let middle = x(index) - inner / 2 + (Double(slot) + 0.45) * width
            let (low, high) = (y(max(y.low, mean - halfWidth)), y(min(y.high, mean + halfWidth)))
            marks.append(SVG.line(middle, low, middle, high, stroke: colour, width: 1.5))
            marks.append(SVG.line(middle - 4, low, middle + 4, low, stroke: colour, width: 1.5))
            marks.append(SVG.line(middle - 4, high, middle + 4, high, stroke: colour, width: 1.5))
        }
    }

    /// A horizontal reference line at `value`, such as 100 % occupancy or an access standard.
    package mutating func rule(at value: Double, label: String, colour: String = SVG.grey, opacity: Double = 1) {
        guard value.isFinite, value >= y.low, value <= y.high else { return }
        let at = y(value)
        marks.append(
            SVG.line(Self.left, at, Self.right, at, stroke: colour, width: 1.5, dashed: true, opacity: opacity))
        keys.append(SVG.Key(label: label, colour: colour, mark: .dashed, opacity: opacity))
    }

    /// The chart as an `<svg>` titled `title`, its title element's id derived from `id`.
    package func svg(id: String, title: String) -> String {
        var body = ""
        for tick in y.ticks {
            body += SVG.line(Self.left, y(tick), Self.right, y(tick), stroke: "#e3e3e3")
            body += SVG.text(y.label(tick), x: Self.left - 6, y: y(tick) + 4, anchor: "end")
        }
        let every = max(1, (categories.count + 11) / 12)  // label the latest week, then every `every`th before it
        for (index, category) in categories.enumerated() where (categories.count - 1 - index) % every == 0 {
            body += SVG.line(x(index), Self.bottom, x(index), Self.bottom + 4, stroke: "#555555")
            body += SVG.text(category, x: x(index), y: Self.bottom + 17)
        }
        body += SVG.line(Self.left, Self.bottom, Self.right, Self.bottom, stroke: "#555555")
        body += SVG.line(Self.left, Self.top, Self.left, Self.bottom, stroke: "#555555")
        body += SVG.text(xTitle, x: (Self.left + Self.right) / 2, y: Self.bottom + 34)
        let middle = (Self.top + Self.bottom) / 2
        body += SVG.text(yTitle, x: 16, y: middle, extra: #" transform="rotate(-90 16 \#(SVG.number(middle)))""#)
        body += marks.joined()
        if !drewData {
            body += SVG.text(
                "nothing to measure in these weeks", x: (Self.left + Self.right) / 2, y: middle, fill: SVG.grey)
        }
        let legend = SVG.legend(keys, left: Self.left, top: Self.bottom + 58, right: Self.right)
        return SVG.document(
            id: id, title: title, width: Self.width, height: legend.bottom + 4, body: body + legend.markup)
    }
}

extension SVG {
    /// An `<svg>` element with an accessible `<title>` (id `ID-title`) and `body` inside.
    package static func document(id: String, title: String, width: Double, height: Double, body: String) -> String {
        let (w, h) = (number(width), number(height))
        return #"<svg id="\#(id)" width="\#(w)" height="\#(h)" viewBox="0 0 \#(w) \#(h)" role="img" "#
            + #"aria-labelledby="\#(id)-title" font-size="11"><title id="\#(id)-title">\#(escape(title))</title>"#
            + body + "</svg>"
    }
}
