//! Layouts that place nodes by rule rather than by force: on a circle, in columns by
//! group, and along a time axis.

/// Positions for `count` nodes evenly on a circle, in the order given, with about
/// `spacing` canvas units between neighbours.
pub fn circular(count: usize, spacing: f32) -> Vec<[f32; 2]> {
    if count == 0 {
        return Vec::new();
    }
    if count == 1 {
        return vec![[0.0, 0.0]];
    }
    let radius = (spacing * count as f32 / std::f32::consts::TAU).max(spacing);
    (0..count)
        .map(|index| {
            let angle =
                index as f32 / count as f32 * std::f32::consts::TAU - std::f32::consts::FRAC_PI_2;
            [radius * angle.cos(), radius * angle.sin()]
        })
        .collect()
}

/// Positions in columns: node `i` goes to column `groups[i]`, stacked top to bottom in the
/// order given, columns `column_width` apart and rows `row_height` apart.
pub fn columns(groups: &[usize], column_width: f32, row_height: f32) -> Vec<[f32; 2]> {
    let mut rows: Vec<usize> = Vec::new();
    groups
        .iter()
        .map(|&group| {
            if rows.len() <= group {
                rows.resize(group + 1, 0);
            }
            let row = rows[group];
            rows[group] += 1;
            [group as f32 * column_width, row as f32 * row_height]
        })
        .collect()
}

/// Days since 1 January of year 0 in the proleptic Gregorian calendar, for ordering and
/// spacing dates on a timeline.
pub fn day_number(year: u16, month: u8, day: u8) -> f64 {
    // Days before each month in a common year.
    const BEFORE: [u16; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let year = i64::from(year);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let month_index = usize::from(month.clamp(1, 12)) - 1;
    let mut days = year * 365 + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
    days += i64::from(BEFORE.get(month_index).copied().unwrap_or(0));
    if leap && month_index >= 2 {
        days += 1;
    }
    (days + i64::from(day.max(1)) - 1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn circle_keeps_its_nodes_apart_and_centred() {
        let positions = circular(12, 100.0);
        let centre = positions
            .iter()
            .fold([0.0, 0.0], |sum, p| [sum[0] + p[0], sum[1] + p[1]]);
        assert!(centre[0].abs() < 1e-3 && centre[1].abs() < 1e-3);
        let gap = ((positions[0][0] - positions[1][0]).powi(2)
            + (positions[0][1] - positions[1][1]).powi(2))
        .sqrt();
        assert!((gap - 100.0).abs() < 5.0, "gap {gap}");
        assert_eq!(circular(1, 100.0), vec![[0.0, 0.0]]);
        assert!(circular(0, 100.0).is_empty());
    }

    #[test]
    fn columns_stack_each_group() {
        assert_eq!(
            columns(&[1, 0, 1, 2], 200.0, 50.0),
            vec![[200.0, 0.0], [0.0, 0.0], [200.0, 50.0], [400.0, 0.0]]
        );
    }

    #[test]
    fn day_numbers_are_consecutive_across_months_and_leap_days() {
        assert_eq!(day_number(2024, 3, 1) - day_number(2024, 2, 28), 2.0);
        assert_eq!(day_number(2023, 3, 1) - day_number(2023, 2, 28), 1.0);
        assert_eq!(day_number(2025, 1, 1) - day_number(2024, 12, 31), 1.0);
        assert_eq!(day_number(2024, 5, 28) - day_number(2024, 5, 1), 27.0);
    }
}
