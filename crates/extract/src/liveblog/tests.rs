//! Tests of live-blog splitting.
