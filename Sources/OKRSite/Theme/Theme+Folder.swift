import OKRContent

extension Theme {
    /// Refuses a theme folder (`--templates`, `templates:`) that is missing or not a folder, saying which
    /// it is and where it was looked for: a relative path is relative to the site folder.
    static func checkThemeFolder(_ dir: String, shownAs given: String) throws(EnvironmentError) {
        let looked = dir == given ? "" : " (looked for \(dir): a relative theme folder is relative to the site folder)"
        switch FileSystem.targetKind(of: dir) {
        case .directory: return
        case .missing:
            throw EnvironmentError("the theme folder \(given) does not exist\(looked)")
        default:
            throw EnvironmentError(
                "the theme folder \(given) is a file, not a folder\(looked): --templates and templates: name a "
                    + "folder of templates (*.mustache, partials/, assets/, i18n/)")
        }
    }
}
