//! The model's graph as `schuilnaam bench`'s efficiency report needs it, through `onnx-rs`
//! (MIT, no dependencies of its own): which int8 matrix products the model does per token, and
//! the one-node model that measures the machine's int8 matrix-product peak through ONNX
//! Runtime.

use onnx_rs::ast::{
    DataType, Dimension, Graph, Model, Node, OpType, OperatorSetId, TensorShape,
    TensorShapeDimension, TensorTypeProto, TypeProto, TypeValue, ValueInfo,
};
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

/// The int8 matrix products of the model in `model` (the bytes of an .onnx file), or `None`
/// when it cannot be read.
pub fn int8_products(model: &[u8]) -> Option<Int8Products> {
    let model = onnx_rs::parse(model).ok()?;
    let graph = model.graph.as_ref()?;
    let shapes: BTreeMap<&str, &[i64]> = graph
        .initializer
        .iter()
        .map(|t| (t.name(), t.dims()))
        .collect();
    let mut products = Int8Products::default();
    for node in graph
        .node
        .iter()
        .filter(|n| n.op_type == OpType::MatMulInteger)
    {
        let Some(&[k, n]) = node.input.get(1).and_then(|w| shapes.get(w)) else {
            continue;
        };
        let (k, n) = (u64::try_from(*k).ok()?, u64::try_from(*n).ok()?);
        products.macs_per_token += k * n;
        products.count += 1;
        if k * n > products.largest.0 * products.largest.1 {
            products.largest = (k, n);
        }
    }
    Some(products)
}

/// A graph input or output of a fixed shape.
fn value_info<'a>(name: &'a str, element: DataType, shape: &[u64]) -> ValueInfo<'a> {
    let dim = shape
        .iter()
        .map(|&d| TensorShapeDimension {
            value: Dimension::Value(d as i64),
            denotation: "",
        })
        .collect();
    ValueInfo {
        name,
        r#type: Some(TypeProto {
            value: Some(TypeValue::Tensor(TensorTypeProto {
                elem_type: element,
                shape: Some(TensorShape { dim }),
            })),
            denotation: "",
        }),
        ..Default::default()
    }
}

/// A model of one `MatMulInteger` node: `Y (int32, m × n) = A (uint8, m × k) · B (int8, k ×
/// n)`, as the dynamically quantised model multiplies its activations by its weights.
pub fn matmul_integer_model(m: u64, k: u64, n: u64) -> Vec<u8> {
    let model = Model {
        ir_version: 8,
        opset_import: vec![OperatorSetId {
            domain: "",
            version: 17,
        }],
        graph: Some(Graph {
            name: "int8-peak-probe",
            node: vec![Node {
                input: vec!["A", "B"],
                output: vec!["Y"],
                op_type: OpType::MatMulInteger,
                ..Default::default()
            }],
            input: vec![
                value_info("A", DataType::Uint8, &[m, k]),
                value_info("B", DataType::Int8, &[k, n]),
            ],
            output: vec![value_info("Y", DataType::Int32, &[m, n])],
            ..Default::default()
        }),
        ..Default::default()
    };
    onnx_rs::encode(&model)
}

#[cfg(test)]
mod tests {
    use super::*;
    use onnx_rs::ast::TensorProto;

    #[test]
    fn counts_the_multiply_adds_of_int8_products_only() {
        let weight = TensorProto::from_raw("W", vec![384, 1536], DataType::Int8, &[]);
        let embeddings = TensorProto::from_raw("E", vec![250, 384], DataType::Int8, &[]);
        let model = Model {
            ir_version: 8,
            graph: Some(Graph {
                node: vec![
                    Node {
                        input: vec!["x", "W"],
                        op_type: OpType::MatMulInteger,
                        ..Default::default()
                    },
                    Node {
                        input: vec!["E", "ids"],
                        op_type: OpType::Gather,
                        ..Default::default()
                    },
                ],
                initializer: vec![weight, embeddings],
                ..Default::default()
            }),
            ..Default::default()
        };
        let products = int8_products(&onnx_rs::encode(&model)).unwrap();
        assert_eq!(products.macs_per_token, 384 * 1536);
        assert_eq!(products.largest, (384, 1536));
        assert_eq!(products.count, 1);
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
