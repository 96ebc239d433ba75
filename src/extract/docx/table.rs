//! Table rows: a short row of two or more cells becomes one line (`Languages | Python,
//! Go`), any other row gives its cells' lines one by one, as a layout table should.

/// Joins the cells of a short table row.
pub(super) const CELL_SEPARATOR: &str = " | ";
/// Joins the paragraphs of one cell in a short table row.
pub(super) const CELL_PARAGRAPH_SEPARATOR: &str = "; ";
/// A row stays one line only while no cell has more non-empty lines than this...
const MAX_CELL_LINES: usize = 6;
/// ...and the joined row has at most this many characters.
const MAX_ROW_CHARS: usize = 240;

/// A table cell: its lines, and whether it holds a nested table.
#[derive(Debug, Default)]
pub(super) struct Cell {
    pub(super) lines: Vec<String>,
    pub(super) has_table: bool,
}

/// One line for a short row of two or more cells, else every cell's lines in order.
pub(super) fn render_row(cells: Vec<Cell>) -> Vec<String> {
    let texts: Vec<Vec<&str>> = cells
        .iter()
        .map(|c| {
            c.lines
                .iter()
                .map(|l| l.trim())
                .filter(|l| !l.is_empty())
                .collect()
        })
        .collect();
    let compact = cells.iter().all(|c| !c.has_table)
        && texts.iter().all(|t| t.len() <= MAX_CELL_LINES)
        && texts.iter().filter(|t| !t.is_empty()).count() >= 2;
    if compact {
        let joined = texts
            .iter()
            .filter(|t| !t.is_empty())
            .map(|t| t.join(CELL_PARAGRAPH_SEPARATOR))
            .collect::<Vec<_>>()
            .join(CELL_SEPARATOR);
        if joined.chars().count() <= MAX_ROW_CHARS {
            return vec![joined];
        }
    }
    texts.into_iter().flatten().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::lines_of_body;

    fn cell(paragraphs: &[&str]) -> String {
        let ps: String = paragraphs
            .iter()
            .map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>"))
            .collect();
        format!("<w:tc><w:tcPr><w:tcW w:w=\"1\"/></w:tcPr>{ps}</w:tc>")
    }

    fn row(cells: &[String]) -> String {
        format!("<w:tr>{}</w:tr>", cells.concat())
    }

    #[test]
    fn tables_short_rows_are_one_line() {
        let body = format!(
            "<w:tbl><w:tblPr/><w:tblGrid/>{}{}{}</w:tbl>",
            row(&[cell(&["Languages"]), cell(&["Python", "Go"])]),
            row(&[cell(&["Cloud"]), cell(&[]), cell(&["none yet"])]),
            row(&[cell(&["Only one cell"]), cell(&[""])]),
        );
        assert_eq!(
            lines_of_body(&body),
            vec![
                "Languages | Python; Go",
                "Cloud | none yet",
                "Only one cell"
            ]
        );
    }

    #[test]
    fn tables_layout_rows_are_split_into_lines() {
        let long = "Led the migration of the billing service to a new database schema. ".repeat(4);
        let many: Vec<String> = (1..=7).map(|i| format!("item {i}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let nested = format!(
            "<w:tbl>{}</w:tbl>",
            row(&[cell(&["SQL"]), cell(&["advanced"])])
        );
        let body = format!(
            "<w:tbl>{}{}{}</w:tbl>",
            row(&[
                cell(&["SKILLS", "Python"]),
                cell(&["EXPERIENCE", long.trim()])
            ]),
            row(&[cell(&["LIST"]), cell(&many)]),
            row(&[
                format!("<w:tc><w:p><w:r><w:t>Databases</w:t></w:r></w:p>{nested}<w:p/></w:tc>"),
                cell(&["x"]),
            ]),
        );
        let mut want = vec!["SKILLS", "Python", "EXPERIENCE", long.trim(), "LIST"];
        want.extend(&many);
        want.extend(["Databases", "SQL | advanced", "x"]);
        assert_eq!(lines_of_body(&body), want);
    }
}
