//! Small, total helpers over lopdf objects: follow references, read numbers, names,
//! dictionaries and bounded stream contents. None of them fails; a missing or mistyped
//! object reads as absent.

use lopdf::{Dictionary, Document, Object, Stream};

/// Largest decoded size of a resource stream (a CMap, a font program).
pub(super) const MAX_RESOURCE_STREAM: usize = 4 * 1024 * 1024;

static NULL: Object = Object::Null;

/// `object` with references followed (a broken reference reads as `null`).
pub(super) fn object<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    match doc.dereference(object) {
        Ok((_, o)) => o,
        Err(_) => &NULL,
    }
}

/// The dictionary `o` is or refers to (a stream's dictionary counts).
pub(super) fn dict<'a>(doc: &'a Document, o: Option<&'a Object>) -> Option<&'a Dictionary> {
    match object(doc, o?) {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// The number `o` is or refers to.
pub(super) fn number(doc: &Document, o: Option<&Object>) -> Option<f32> {
    match object(doc, o?) {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

/// The numbers in the array `o` is or refers to (non-numbers left out).
pub(super) fn numbers(doc: &Document, o: Option<&Object>) -> Vec<f32> {
    match o.map(|o| object(doc, o)) {
        Some(Object::Array(items)) => items
            .iter()
            .take(1 << 20)
            .map(|i| number(doc, Some(i)).unwrap_or(0.0))
            .collect(),
        _ => Vec::new(),
    }
}

/// The decoded content of the stream `o` refers to, bounded by [`MAX_RESOURCE_STREAM`].
pub(super) fn stream_bytes(doc: &Document, o: Option<&Object>) -> Option<Vec<u8>> {
    match object(doc, o?) {
        Object::Stream(s) => stream_content(s),
        _ => None,
    }
}

/// The decoded content of `stream`, bounded by [`MAX_RESOURCE_STREAM`].
pub(super) fn stream_content(stream: &Stream) -> Option<Vec<u8>> {
    stream
        .get_plain_content_with_limit(MAX_RESOURCE_STREAM)
        .ok()
}

/// A 6-number matrix from `o`, if it is one.
pub(super) fn matrix(doc: &Document, o: Option<&Object>) -> Option<[f32; 6]> {
    let n = numbers(doc, o);
    (n.len() == 6 && n.iter().all(|v| v.is_finite())).then(|| [n[0], n[1], n[2], n[3], n[4], n[5]])
}
