//! Tests of plain-text cleaning.
