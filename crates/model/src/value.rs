//! A claimed quantity: its value and the hedge on it.

use crate::names::named;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A quantity's value.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Value {
    /// One number.
    Number(f64),
    /// A range, low then high.
    Range(f64, f64),
    /// No number (a vague quantity; for a mention, a date, a time, a phone).
    #[default]
    None,
}

impl Value {
    /// The value as `(lo, hi)`: a number is `(x, x)`; `None` when there is
    /// no number.
    pub fn bounds(self) -> Option<(f64, f64)> {
        match self {
            Value::Number(x) => Some((x, x)),
            Value::Range(a, b) => Some((a, b)),
            Value::None => None,
        }
    }

    /// The value whose [`Value::bounds`] are `lo` and `hi` (as a store
    /// keeps them): equal ends are a number, one missing end stands for
    /// both.
    pub fn from_bounds(lo: Option<f64>, hi: Option<f64>) -> Value {
        match (lo, hi) {
            (Some(a), Some(b)) if a == b => Value::Number(a),
            (Some(a), Some(b)) => Value::Range(a, b),
            (Some(a), None) | (None, Some(a)) => Value::Number(a),
            (None, None) => Value::None,
        }
    }
}

/// Writes a number as the contract does: a whole number (below 2^53) as
/// an integer, anything else as a float (`null` when not finite).
pub(crate) fn serialize_number<S: Serializer>(x: f64, s: S) -> Result<S::Ok, S::Error> {
    if x.fract() == 0.0 && x.abs() < 9.007_199_254_740_992e15 {
        s.serialize_i64(x as i64)
    } else {
        s.serialize_f64(x)
    }
}

/// A number as [`serialize_number`] writes it, for a field or an element.
pub(crate) struct Number(pub(crate) f64);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_number(self.0, s)
    }
}

/// `number`, `[lo, hi]` or `null`.
impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Value::Number(x) => serialize_number(x, s),
            Value::Range(a, b) => [Number(a), Number(b)].serialize(s),
            Value::None => s.serialize_none(),
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> serde::de::Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a number, [lo, hi] or null")
    }

    fn visit_f64<E: serde::de::Error>(self, x: f64) -> Result<Value, E> {
        Ok(Value::Number(x))
    }

    fn visit_i64<E: serde::de::Error>(self, x: i64) -> Result<Value, E> {
        Ok(Value::Number(x as f64))
    }

    fn visit_u64<E: serde::de::Error>(self, x: u64) -> Result<Value, E> {
        Ok(Value::Number(x as f64))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Value, E> {
        Ok(Value::None)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Value, E> {
        Ok(Value::None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        use serde::de::Error;
        let lo: f64 = seq
            .next_element()?
            .ok_or_else(|| A::Error::invalid_length(0, &self))?;
        let hi: f64 = seq
            .next_element()?
            .ok_or_else(|| A::Error::invalid_length(1, &self))?;
        if seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
            return Err(A::Error::invalid_length(3, &self));
        }
        Ok(Value::Range(lo, hi))
    }
}

named! {
    /// How a quantity is hedged.
    pub enum Qualifier ("qualifier") {
        /// As stated.
        Exact = "exact",
        /// About, nearly, نحو، حوالي.
        Approx = "approx",
        /// At least, ما لا يقل عن.
        AtLeast = "at_least",
        /// More than, أكثر من.
        MoreThan = "more_than",
        /// At most.
        AtMost = "at_most",
        /// Less than, أقل من.
        LessThan = "less_than",
        /// Up to, حتى.
        UpTo = "up_to",
    }
}

impl Default for Qualifier {
    /// A quantity no hedge qualifies is exact.
    fn default() -> Qualifier {
        Qualifier::Exact
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_written_as_the_contract_writes_it() {
        for (value, json) in [
            (Value::Number(12.0), "12"),
            (Value::Number(2.5), "2.5"),
            (Value::Number(-0.0), "0"),
            (Value::Number(1e21), "1e+21"),
            (Value::Number(f64::NAN), "null"),
            (Value::Range(300.0, 400.5), "[300,400.5]"),
            (Value::None, "null"),
        ] {
            assert_eq!(serde_json::to_string(&value).unwrap(), json, "{value:?}");
        }
    }

    #[test]
    fn a_value_reads_back() {
        for (json, value) in [
            ("12", Value::Number(12.0)),
            ("-3", Value::Number(-3.0)),
            ("2.5", Value::Number(2.5)),
            ("[300, 400]", Value::Range(300.0, 400.0)),
            ("null", Value::None),
        ] {
            assert_eq!(serde_json::from_str::<Value>(json).unwrap(), value, "{json}");
        }
        for bad in ["\"12\"", "[1]", "[1,2,3]", "{}", "true"] {
            assert!(serde_json::from_str::<Value>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn bounds_go_and_come_back() {
        for (value, bounds) in [
            (Value::Number(7.0), Some((7.0, 7.0))),
            (Value::Range(1.0, 2.0), Some((1.0, 2.0))),
            (Value::None, None),
        ] {
            assert_eq!(value.bounds(), bounds);
            let (lo, hi) = bounds.map_or((None, None), |(a, b)| (Some(a), Some(b)));
            assert_eq!(Value::from_bounds(lo, hi), value);
        }
        assert_eq!(Value::from_bounds(None, Some(4.0)), Value::Number(4.0));
    }

    #[test]
    fn every_qualifier_reads_back_from_its_word_and_no_other() {
        for &q in Qualifier::ALL {
            assert_eq!(q.as_str().parse::<Qualifier>(), Ok(q));
            assert_eq!(serde_json::to_string(&q).unwrap(), format!("\"{q}\""));
            assert_eq!(serde_json::from_str::<Qualifier>(&format!("\"{q}\"")).unwrap(), q);
        }
        let err = "about".parse::<Qualifier>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown qualifier `about` (expected one of: exact, approx, at_least, more_than, at_most, less_than, up_to)"
        );
        assert!(serde_json::from_str::<Qualifier>("\"Exact\"").is_err());
        assert_eq!(Qualifier::default(), Qualifier::Exact);
    }
}
