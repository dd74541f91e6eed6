"""The type colours stay apart for colour-blind readers: neighbouring lanes (types in taxonomy
order, as the lanes are drawn) are compared after simulating deuteranopia and protanopia
(Machado, Oliveira & Fernandes 2009, severity 1, in linear RGB), as CIELAB distances."""
import pytest

from timeline.render.views import STYLE

# Machado et al. 2009, severity 1.0
DEUTERANOPIA = ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881))
PROTANOPIA = ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998))
TYPES = [t for t in STYLE["type_colors"] if t != "fallback"]


def linear_rgb(hex_color: str) -> list[float]:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return [channel(int(hex_color[i:i + 2], 16) / 255) for i in (1, 3, 5)]


def simulate(matrix, rgb):
    if matrix is None:
        return rgb
    return [min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb)))) for row in matrix]


def lab(rgb) -> tuple[float, float, float]:
    x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047
    y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
    z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def distance(a: str, b: str, matrix) -> float:
    la, lb = lab(simulate(matrix, linear_rgb(a))), lab(simulate(matrix, linear_rgb(b)))
    return sum((p - q) ** 2 for p, q in zip(la, lb)) ** 0.5


def contrast_on_white(hex_color: str) -> float:
    r, g, b = linear_rgb(hex_color)
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


@pytest.mark.parametrize("vision, matrix", [("normal", None), ("deuteranopia", DEUTERANOPIA),
                                            ("protanopia", PROTANOPIA)])
def test_neighbouring_types_stay_apart(vision, matrix):
    colors = [STYLE["type_colors"][t] for t in TYPES]
    for i, a in enumerate(colors):
        for j in range(i + 1, min(i + 4, len(colors))):
            need = 40 if j == i + 1 else 20   # next lane: far apart; within three lanes: clearly apart
            assert distance(a, colors[j], matrix) >= need, (vision, TYPES[i], TYPES[j])


def test_the_simulation_can_fail():
    """Red and green, told apart with normal vision, merge under deuteranopia."""
    assert distance("#d62728", "#2ca02c", None) > 40 > distance("#d62728", "#2ca02c", DEUTERANOPIA) + 20


def test_every_type_has_a_colour_visible_on_white_and_other_is_neutral():
    assert len(TYPES) >= 18 and len(set(STYLE["type_colors"][t] for t in TYPES)) == len(TYPES)
    assert all(contrast_on_white(STYLE["type_colors"][t]) >= 2.2 for t in TYPES)
    other = STYLE["type_colors"]["OTHER"]
    assert other[1:3] == other[3:5] == other[5:7], "OTHER must be a neutral grey"
