//! Platforms and the options an analysis runs with.
//!
//! A platform profile adjusts weights and norms (hashtag counts, ideal length, the "see more" fold); it never
//! changes what a finding means. The profile numbers live with the rules (`rules/`); this file only names them.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Where the draft will be posted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    Linkedin,
    Facebook,
    X,
    Instagram,
    #[default]
    Generic,
}

impl Platform {
    pub const ALL: [Platform; 5] =
        [Platform::Linkedin, Platform::Facebook, Platform::X, Platform::Instagram, Platform::Generic];

    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Linkedin => "linkedin",
            Platform::Facebook => "facebook",
            Platform::X => "x",
            Platform::Instagram => "instagram",
            Platform::Generic => "generic",
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An unknown platform name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownPlatform(pub String);

impl fmt::Display for UnknownPlatform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown platform \"{}\" (expected linkedin, facebook, x, instagram or generic)", self.0)
    }
}

impl std::error::Error for UnknownPlatform {}

impl FromStr for Platform {
    type Err = UnknownPlatform;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "linkedin" => Ok(Platform::Linkedin),
            "facebook" | "fb" => Ok(Platform::Facebook),
            "x" | "twitter" => Ok(Platform::X),
            "instagram" | "ig" => Ok(Platform::Instagram),
            "generic" | "" => Ok(Platform::Generic),
            _ => Err(UnknownPlatform(s.to_string())),
        }
    }
}

/// How strictly the coach judges: it scales the weight of sales-side findings (gentle lower, strict higher), so
/// every point still traces to a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sensitivity {
    Gentle,
    #[default]
    Normal,
    Strict,
}

/// An unknown sensitivity name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownSensitivity(pub String);

impl fmt::Display for UnknownSensitivity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown sensitivity \"{}\" (expected gentle, normal or strict)", self.0)
    }
}

impl std::error::Error for UnknownSensitivity {}

/// The serde names (`gentle`, `normal`, `strict`), any case; parsed through serde so the list lives in one place.
impl FromStr for Sensitivity {
    type Err = UnknownSensitivity;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        use serde::de::value::{Error, StrDeserializer};
        let lower = s.trim().to_ascii_lowercase();
        Sensitivity::deserialize(StrDeserializer::<Error>::new(&lower))
            .map_err(|_| UnknownSensitivity(s.into()))
    }
}

/// Options for `analyze` and `rewrite`. Every field has a default, so `{}` is valid JSON options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    pub platform: Platform,
    pub sensitivity: Sensitivity,
}

impl Options {
    pub fn for_platform(platform: Platform) -> Self {
        Options { platform, ..Options::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sensitivity_names_parse_in_any_case() {
        assert_eq!("gentle".parse(), Ok(Sensitivity::Gentle));
        assert_eq!(" Normal ".parse(), Ok(Sensitivity::Normal));
        assert_eq!("STRICT".parse(), Ok(Sensitivity::Strict));
        let err = "harsh".parse::<Sensitivity>().unwrap_err();
        assert_eq!(err.to_string(), "unknown sensitivity \"harsh\" (expected gentle, normal or strict)");
    }
}
