import Foundation

// Test images generated once with Pillow (see the comment on each), embedded as Base64
// so the test target needs no resource bundle.
enum Fixtures {
    /// 32×24 RGB PNG: left half red-ish (200,30,·), right half dark; top blue 40, bottom blue 220
    static let pngRGB = decode(
        """
        iVBORw0KGgoAAAANSUhEUgAAACAAAAAYCAIAAAAUMWhjAAAAMElEQVR42mM8IafBQArwYSANMDHQGIxaMGrBqAXDwQIWBoYto0E0
        asGoBaMWDLQFAFgcAkAmSieEAAAAAElFTkSuQmCC
        """)

    /// 32×24 8-bit gray PNG, horizontal ramp
    static let pngGray = decode(
        """
        iVBORw0KGgoAAAANSUhEUgAAACAAAAAYCAAAAAC+OKDoAAAAF0lEQVR4nGNk4MAPmBgIgFEFowqGnwIAPE0BKHRh4zkAAAAASUVO
        RK5CYII=
        """)

    /// 32×24 RGBA PNG: pure blue, left half opaque, right half fully transparent
    static let pngRGBA = decode(
        """
        iVBORw0KGgoAAAANSUhEUgAAACAAAAAYCAYAAACbU/80AAAALUlEQVR4nO3OsREAAAgCMXT/nXUI2nzPkUnu0jXNeMvzOgAAAAAA
        AAAAAACAB0x6Ai9nRkosAAAAAElFTkSuQmCC
        """)

    /// 32×24 gray+alpha PNG: black, top half opaque, bottom half alpha 128
    static let pngGrayAlpha = decode(
        """
        iVBORw0KGgoAAAANSUhEUgAAACAAAAAYCAQAAAAxWje/AAAAJklEQVR4nGNk+M9AEWCiTPuoAaMGDBYDWBgaB9gFowaMGjA4DAAA
        NtwBsmA4QP0AAAAASUVORK5CYII=
        """)

    /// 32×24 palette PNG (4 colours) of the RGB image
    static let pngPalette = decode(
        """
        iVBORw0KGgoAAAANSUhEUgAAACAAAAAYAgMAAADmPRenAAAADFBMVEXIHtzIHigUHtwUHiidXh8GAAAAG0lEQVR4nGMMZWBgWMXA
        wMDEAAW0YzAy0M8uACyiAdjruMaiAAAAAElFTkSuQmCC
        """)

    /// 32×24 baseline JPEG, solid (20,160,60)
    static let jpegRGB = decode(
        """
        /9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMU
        FRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQU
        FBQUFBQUFBT/wAARCAAYACADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUF
        BAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVW
        V1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi
        4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAEC
        AxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVm
        Z2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq
        8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDh6KKK/Oj+WgooooAKKKKACiiigD//2Q==
        """)

    /// 32×24 grayscale JPEG, solid 90
    static let jpegGray = decode(
        """
        /9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMU
        FRUVDA8XGBYUGBIUFRT/wAALCAAYACABAREA/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUF
        BAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVW
        V1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi
        4+Tl5ufo6erx8vP09fb3+Pn6/9oACAEBAAA/APGqKKKKKKKKKKK//9k=
        """)

    /// 32×24 RGBA PNG with varying pixels (R = 8x, G = 10y, B = 255 − 8x, A = 3xy, all mod 256),
    /// so that several PNG row filters occur.
    static let pngRGBAGradient = decode(
        """
        iVBORw0KGgoAAAANSUhEUgAAACAAAAAYCAYAAACbU/80AAABTElEQVR4nMWTXWfEQBSG32pVW6UspZQSSijDUIYQwjAsyxLKUPb/
        /4W9ay8yw3Gc+Ug2NhcP52MyHudMboA/POC8GXd4AgDcbgUVuN8CLvB4bSSB5yvgY5wSeFkBW3MuJ7CbiVnwza4k8FpAVZyR8DGu
        EXgTaBP1FIdUr1bgPdCQuIStOTdH4KOCrvKcj3GtQBM+aDKYQv8o1edOoAHwydBCjbLP9WsEWkGgDSgSc2ym52O8dAItgK8EfaY3
        8lpJQCUEVLhAMTqhpjD9hlL9tGQCmkxAhVxjeoSa4YSaDivQAPSlK4gC3wJWqI28lhMwgoARBEy4zBAGlhtMvyGvzVpBJ0ygIxMw
        IefshZqP8SUr6NkKokBPcCwfWd6v+QYGIjBgegMD4cjyXwBDSsAyAcsELBOwbAKWcWC5j/EaE3BsBY5MwGF6A47wQ/N/49tzqCft
        7F8AAAAASUVORK5CYII=
        """)

    private static func decode(_ base64: String) -> [UInt8] {
        [UInt8](Data(base64Encoded: base64.filter { !$0.isWhitespace }) ?? Data())
    }
}
