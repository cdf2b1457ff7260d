---
taxonomy: organization
_id: tf.example.com
name: TF Weekly
domain: tf.example.com
---
