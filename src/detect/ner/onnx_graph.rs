//! Just enough of the ONNX file format (protobuf) for `schuilnaam bench`'s efficiency report:
//! reading which int8 matrix products a model does per token, and writing the one-node
//! model that measures the machine's int8 matrix-product peak through ONNX Runtime.
//!
//! Field numbers are those of onnx.proto3 (ModelProto.graph = 7, GraphProto.node = 1,
//! GraphProto.initializer = 5, NodeProto.input = 1, NodeProto.op_type = 4, TensorProto.dims =
//! 1, TensorProto.name = 8, ...). Nothing else of a model is read.

use std::collections::BTreeMap;

/// The int8 matrix products of a model (`MatMulInteger` nodes with a constant weight).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Int8Products {
    /// Multiply-adds per token through all of them (the sum of K × N over their weights).
    pub macs_per_token: u64,
    /// The largest weight's shape (K, N): the probe measures the peak at this shape.
    pub largest: (u64, u64),
    pub count: usize,
}

/// One protobuf field: its number and its value (a varint, or the bytes of a
/// length-delimited field; fixed-width fields are skipped).
enum Value<'a> {
    Varint(u64),
    Bytes(&'a [u8]),
    Fixed,
}

fn varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(*at)?;
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

/// The fields of one message, in order; `None` when the bytes are no protobuf message.
fn fields(bytes: &[u8]) -> Option<Vec<(u64, Value<'_>)>> {
    let mut at = 0;
    let mut out = Vec::new();
    while at < bytes.len() {
        let key = varint(bytes, &mut at)?;
        let value = match key & 7 {
            0 => Value::Varint(varint(bytes, &mut at)?),
            1 => {
                at = at.checked_add(8)?;
                Value::Fixed
            }
            2 => {
                let length = usize::try_from(varint(bytes, &mut at)?).ok()?;
                let end = at.checked_add(length).filter(|&e| e <= bytes.len())?;
                let value = Value::Bytes(&bytes[at..end]);
                at = end;
                value
            }
            5 => {
                at = at.checked_add(4)?;
                Value::Fixed
            }
            _ => return None,
        };
        out.push((key >> 3, value));
    }
    (at == bytes.len()).then_some(out)
}

fn string(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The int8 matrix products of the model in `model` (the bytes of an .onnx file), or `None`
/// when it cannot be read.
pub fn int8_products(model: &[u8]) -> Option<Int8Products> {
    let graph = fields(model)?.into_iter().find_map(|(n, v)| match (n, v) {
        (7, Value::Bytes(b)) => Some(b),
        _ => None,
    })?;
    let mut weights: Vec<String> = Vec::new();
    let mut shapes: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    for (number, value) in fields(graph)? {
        let Value::Bytes(message) = value else {
            continue;
        };
        match number {
            1 => {
                let mut inputs = Vec::new();
                let mut op_type = String::new();
                for (n, v) in fields(message)? {
                    match (n, v) {
                        (1, Value::Bytes(b)) => inputs.push(string(b)),
                        (4, Value::Bytes(b)) => op_type = string(b),
                        _ => {}
                    }
                }
                if op_type == "MatMulInteger" {
                    if let Some(weight) = inputs.into_iter().nth(1) {
                        weights.push(weight);
                    }
                }
            }
            5 => {
                let mut dims = Vec::new();
                let mut name = String::new();
                for (n, v) in fields(message)? {
                    match (n, v) {
                        (1, Value::Varint(d)) => dims.push(d),
                        (1, Value::Bytes(packed)) => {
                            let mut at = 0;
                            while at < packed.len() {
                                dims.push(varint(packed, &mut at)?);
                            }
                        }
                        (8, Value::Bytes(b)) => name = string(b),
                        _ => {}
                    }
                }
                shapes.insert(name, dims);
            }
            _ => {}
        }
    }
    let mut products = Int8Products::default();
    for weight in &weights {
        if let Some([k, n]) = shapes.get(weight).map(Vec::as_slice) {
            products.macs_per_token += k * n;
            products.count += 1;
            if k * n > products.largest.0 * products.largest.1 {
                products.largest = (*k, *n);
            }
        }
    }
    Some(products)
}

fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn put_field_varint(out: &mut Vec<u8>, number: u64, value: u64) {
    put_varint(out, number << 3);
    put_varint(out, value);
}

fn put_field_bytes(out: &mut Vec<u8>, number: u64, bytes: &[u8]) {
    put_varint(out, (number << 3) | 2);
    put_varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

/// ONNX element types.
pub const UINT8: u64 = 2;
pub const INT8: u64 = 3;
pub const INT32: u64 = 6;

/// A graph input or output: name, element type, fixed shape.
fn value_info(name: &str, element: u64, shape: &[u64]) -> Vec<u8> {
    let mut dims = Vec::new();
    for &d in shape {
        let mut dim = Vec::new();
        put_field_varint(&mut dim, 1, d);
        put_field_bytes(&mut dims, 1, &dim);
    }
    let mut tensor = Vec::new();
    put_field_varint(&mut tensor, 1, element);
    put_field_bytes(&mut tensor, 2, &dims);
    let mut kind = Vec::new();
    put_field_bytes(&mut kind, 1, &tensor);
    let mut info = Vec::new();
    put_field_bytes(&mut info, 1, name.as_bytes());
    put_field_bytes(&mut info, 2, &kind);
    info
}

/// A model of one `MatMulInteger` node: `Y (int32, m × n) = A (uint8, m × k) · B (int8, k ×
/// n)`, as the dynamically quantised model multiplies its activations by its weights.
pub fn matmul_integer_model(m: u64, k: u64, n: u64) -> Vec<u8> {
    let mut node = Vec::new();
    put_field_bytes(&mut node, 1, b"A");
    put_field_bytes(&mut node, 1, b"B");
    put_field_bytes(&mut node, 2, b"Y");
    put_field_bytes(&mut node, 4, b"MatMulInteger");
    let mut graph = Vec::new();
    put_field_bytes(&mut graph, 1, &node);
    put_field_bytes(&mut graph, 2, b"int8-peak-probe");
    put_field_bytes(&mut graph, 11, &value_info("A", UINT8, &[m, k]));
    put_field_bytes(&mut graph, 11, &value_info("B", INT8, &[k, n]));
    put_field_bytes(&mut graph, 12, &value_info("Y", INT32, &[m, n]));
    let mut opset = Vec::new();
    put_field_bytes(&mut opset, 1, b"");
    put_field_varint(&mut opset, 2, 17);
    let mut model = Vec::new();
    put_field_varint(&mut model, 1, 8);
    put_field_bytes(&mut model, 7, &graph);
    put_field_bytes(&mut model, 8, &opset);
    model
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A graph with one MatMulInteger of weight `W` (k × n) and one initializer.
    fn model_with_weight(k: u64, n: u64, packed: bool) -> Vec<u8> {
        let mut node = Vec::new();
        put_field_bytes(&mut node, 1, b"x");
        put_field_bytes(&mut node, 1, b"W");
        put_field_bytes(&mut node, 4, b"MatMulInteger");
        let mut other = Vec::new();
        put_field_bytes(&mut other, 1, b"x");
        put_field_bytes(&mut other, 1, b"E");
        put_field_bytes(&mut other, 4, b"Gather");
        let mut tensor = Vec::new();
        if packed {
            let mut dims = Vec::new();
            put_varint(&mut dims, k);
            put_varint(&mut dims, n);
            put_field_bytes(&mut tensor, 1, &dims);
        } else {
            put_field_varint(&mut tensor, 1, k);
            put_field_varint(&mut tensor, 1, n);
        }
        put_field_varint(&mut tensor, 2, INT8);
        put_field_bytes(&mut tensor, 8, b"W");
        put_field_bytes(&mut tensor, 9, &vec![0u8; 300]);
        let mut graph = Vec::new();
        put_field_bytes(&mut graph, 1, &node);
        put_field_bytes(&mut graph, 1, &other);
        put_field_bytes(&mut graph, 5, &tensor);
        let mut model = Vec::new();
        put_field_varint(&mut model, 1, 8);
        put_field_bytes(&mut model, 7, &graph);
        model
    }

    #[test]
    fn counts_the_multiply_adds_of_int8_products_only() {
        for packed in [false, true] {
            let products = int8_products(&model_with_weight(384, 1536, packed)).unwrap();
            assert_eq!(products.macs_per_token, 384 * 1536);
            assert_eq!(products.largest, (384, 1536));
            assert_eq!(products.count, 1);
        }
    }

    #[test]
    fn the_probe_reads_back_as_a_model_with_no_constant_weight() {
        let probe = matmul_integer_model(128, 384, 1536);
        let products = int8_products(&probe).unwrap();
        assert_eq!(
            products.count, 0,
            "its weight is an input, not an initializer"
        );
        assert!(int8_products(b"\xff\xff\xff").is_none());
    }
}
