//! Tests for attribution (filled below).
